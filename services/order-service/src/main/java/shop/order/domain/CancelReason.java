package shop.order.domain;

/** Why an order ended CANCELLED. */
public final class CancelReason {

  public static final String UNKNOWN_USER = "UNKNOWN_USER";
  public static final String UNKNOWN_PRODUCT = "UNKNOWN_PRODUCT";
  public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
  public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
  public static final String SHIPPING_FAILED = "SHIPPING_FAILED";
  public static final String CANCELLED_BY_CUSTOMER = "CANCELLED_BY_CUSTOMER";

  private CancelReason() {
  }
}
