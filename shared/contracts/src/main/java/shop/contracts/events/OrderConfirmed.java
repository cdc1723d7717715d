package shop.contracts.events;

import io.vertx.core.json.JsonObject;

/** The data of {@link EventType#ORDER_CONFIRMED}: whom to tell, and what they paid. */
public record OrderConfirmed(String orderId, String userId, String email, long totalMinor, String currency) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("orderId", orderId)
        .put("userId", userId)
        .put("email", email)
        .put("totalMinor", totalMinor)
        .put("currency", currency);
  }

  /**
   * Reads the data; every field is required: {@link IllegalArgumentException} naming a missing or blank
   * one, {@link ClassCastException} for one of another type.
   */
  public static OrderConfirmed fromJson(JsonObject json) {
    return new OrderConfirmed(
        JsonFields.requiredText(json, "orderId"),
        JsonFields.requiredText(json, "userId"),
        JsonFields.requiredText(json, "email"),
        JsonFields.requiredLong(json, "totalMinor"),
        JsonFields.requiredText(json, "currency"));
  }
}
