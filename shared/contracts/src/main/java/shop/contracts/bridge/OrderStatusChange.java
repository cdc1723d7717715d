package shop.contracts.bridge;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One event appended to an order's stream, once committed: its type ({@code StockReserved}) and the
 * order's status after it ({@code PENDING}), published on {@link PublicBus#ORDER_STATUS}.
 */
public record OrderStatusChange(String orderId, String userId, int version, String event, String status,
    Instant at) {

  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("userId", userId).put("version", version)
        .put("event", event).put("status", status).put("at", at.toString());
  }

  public static OrderStatusChange fromJson(JsonObject json) {
    return new OrderStatusChange(json.getString("orderId"), json.getString("userId"), json.getInteger("version"),
        json.getString("event"), json.getString("status"), Instant.parse(json.getString("at")));
  }
}
