package shop.notification.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored notification: one email about one order event. */
public record Notification(UUID id, UUID orderId, NotificationKind kind, String recipient, String subject,
                           String body, NotificationStatus status, int attempts, OffsetDateTime createdAt,
                           OffsetDateTime sentAt) {

  static final String COLUMNS = "id, order_id, kind, recipient, subject, body, status, attempts, created_at, sent_at";

  static Notification from(Row row) {
    return new Notification(row.getUUID("id"), row.getUUID("order_id"),
        NotificationKind.valueOf(row.getString("kind")), row.getString("recipient"), row.getString("subject"),
        row.getString("body"), NotificationStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("sent_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("orderId", orderId.toString())
        .put("kind", kind.name())
        .put("recipient", recipient)
        .put("subject", subject)
        .put("body", body)
        .put("status", status.name())
        .put("createdAt", createdAt.toString())
        .put("sentAt", sentAt == null ? null : sentAt.toString());
  }
}
