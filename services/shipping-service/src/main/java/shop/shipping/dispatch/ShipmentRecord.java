package shop.shipping.dispatch;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import shop.contracts.shipping.Shipment;

/** A shipment as stored. */
public record ShipmentRecord(UUID id, UUID orderId, UUID userId, String address, String status,
                             String trackingNumber, String reason, OffsetDateTime createdAt) {

  static final String COLUMNS = "id, order_id, user_id, address, status, tracking_number, reason, created_at";

  static ShipmentRecord from(Row row) {
    return new ShipmentRecord(row.getUUID("id"), row.getUUID("order_id"), row.getUUID("user_id"),
        row.getString("address"), row.getString("status"), row.getString("tracking_number"), row.getString("reason"),
        row.getOffsetDateTime("created_at"));
  }

  public Shipment toShipment() {
    return new Shipment(id.toString(), orderId.toString(), status, trackingNumber, reason);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("orderId", orderId.toString())
        .put("userId", userId.toString())
        .put("address", address)
        .put("status", status)
        .put("trackingNumber", trackingNumber)
        .put("reason", reason)
        .put("createdAt", createdAt.toString());
  }
}
