package shop.payment.ledger;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import shop.contracts.payments.PaymentResult;

/**
 * A payment as stored: PENDING until the provider's answer, then CAPTURED or DECLINED; CAPTURED may
 * become REFUNDED.
 */
public record Payment(UUID id, UUID orderId, UUID userId, long amountMinor, String currency, String status,
                      String reason, OffsetDateTime createdAt) {

  public static final String PENDING = "PENDING";

  static final String COLUMNS = "id, order_id, user_id, amount_minor, currency, status, reason, created_at";

  static Payment from(Row row) {
    return new Payment(row.getUUID("id"), row.getUUID("order_id"), row.getUUID("user_id"),
        row.getLong("amount_minor"), row.getString("currency"), row.getString("status"), row.getString("reason"),
        row.getOffsetDateTime("created_at"));
  }

  public boolean isPending() {
    return PENDING.equals(status);
  }

  public PaymentResult toResult() {
    return new PaymentResult(id.toString(), orderId.toString(), status, amountMinor, currency, reason);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("orderId", orderId.toString())
        .put("userId", userId.toString())
        .put("amountMinor", amountMinor)
        .put("currency", currency)
        .put("status", status)
        .put("reason", reason)
        .put("createdAt", createdAt.toString());
  }
}
