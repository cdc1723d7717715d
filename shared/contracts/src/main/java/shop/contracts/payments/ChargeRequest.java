package shop.contracts.payments;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** What to charge: an amount in minor units of a currency, for an order of a user, once per key. */
@DataObject
public final class ChargeRequest {

  private final String orderId;
  private final String userId;
  private final long amountMinor;
  private final String currency;
  private final String idempotencyKey;

  public ChargeRequest(String orderId, String userId, long amountMinor, String currency, String idempotencyKey) {
    this.orderId = orderId;
    this.userId = userId;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.idempotencyKey = idempotencyKey;
  }

  public ChargeRequest(JsonObject json) {
    this(json.getString("orderId"), json.getString("userId"), json.getLong("amountMinor", 0L),
        json.getString("currency"), json.getString("idempotencyKey"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("userId", userId).put("amountMinor", amountMinor)
        .put("currency", currency).put("idempotencyKey", idempotencyKey);
  }

  public String getOrderId() {
    return orderId;
  }

  public String getUserId() {
    return userId;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }
}
