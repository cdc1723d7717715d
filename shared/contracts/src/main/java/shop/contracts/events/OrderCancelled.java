package shop.contracts.events;

import io.vertx.core.json.JsonObject;

/** The data of {@link EventType#ORDER_CANCELLED}: whom to tell, and why (order-service's reason, null if none). */
public record OrderCancelled(String orderId, String userId, String email, String reason) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("orderId", orderId)
        .put("userId", userId)
        .put("email", email)
        .put("reason", reason);
  }

  /**
   * Reads the data; all but {@code reason} is required: {@link IllegalArgumentException} naming a missing
   * or blank field, {@link ClassCastException} for one of another type.
   */
  public static OrderCancelled fromJson(JsonObject json) {
    return new OrderCancelled(
        JsonFields.requiredText(json, "orderId"),
        JsonFields.requiredText(json, "userId"),
        JsonFields.requiredText(json, "email"),
        json.getString("reason"));
  }
}
