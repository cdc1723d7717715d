package shop.contracts.orders;

/**
 * How large an order may be: the one declaration of these limits. order-service enforces them and
 * the API contract ({@code openapi.yaml}) states them to clients, for the gateway to enforce first;
 * the gateway's {@code RequestLimitsTest} fails when the contract says otherwise. Changing one means a
 * release of both, never a setting.
 */
public final class OrderLimits {

  /** Lines of an order (each a distinct product). */
  public static final int MAX_LINES = 50;
  /** Units of one product on a line. */
  public static final int MAX_QUANTITY = 1000;
  /** Characters (code points) of a shipping address, after trimming. */
  public static final int MAX_SHIPPING_ADDRESS_LENGTH = 500;
  /** Characters of the {@code Idempotency-Key} header under which an order is placed. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

  private OrderLimits() {
  }
}
