package shop.contracts.payments;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** The outcome of a charge or refund. */
@DataObject
public final class PaymentResult {

  public static final String CAPTURED = "CAPTURED";
  public static final String DECLINED = "DECLINED";
  public static final String REFUNDED = "REFUNDED";
  public static final String NONE = "NONE";

  private final String paymentId;
  private final String orderId;
  private final String status;
  private final long amountMinor;
  private final String currency;
  private final String reason;

  public PaymentResult(String paymentId, String orderId, String status, long amountMinor, String currency,
      String reason) {
    this.paymentId = paymentId;
    this.orderId = orderId;
    this.status = status;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.reason = reason;
  }

  public PaymentResult(JsonObject json) {
    this(json.getString("paymentId"), json.getString("orderId"), json.getString("status"),
        json.getLong("amountMinor", 0L), json.getString("currency"), json.getString("reason"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("paymentId", paymentId).put("orderId", orderId).put("status", status)
        .put("amountMinor", amountMinor).put("currency", currency).put("reason", reason);
  }

  public String getPaymentId() {
    return paymentId;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getStatus() {
    return status;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public String getReason() {
    return reason;
  }
}
