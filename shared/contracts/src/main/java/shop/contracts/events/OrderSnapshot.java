package shop.contracts.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import shop.contracts.inventory.OrderLine;

/**
 * What every participant of the choreographed saga knows of an order: order-service sends it as
 * {@code order} in {@link EventType#ORDER_SUBMITTED} and {@link EventType#ORDER_CANCEL_REQUESTED}, and each
 * participant passes it on, as it came, in the events it answers with.
 */
public record OrderSnapshot(String orderId, String userId, String email, List<OrderLine> lines, long amountMinor,
                            String currency, String shippingAddress) {

  public OrderSnapshot {
    lines = List.copyOf(lines);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("orderId", orderId)
        .put("userId", userId)
        .put("email", email)
        .put("lines", JsonFields.arrayOf(lines, OrderLine::toJson))
        .put("amountMinor", amountMinor)
        .put("currency", currency)
        .put("shippingAddress", shippingAddress);
  }

  /**
   * The snapshot in {@code json}, read leniently, whoever wrote it: a field that is missing or of another
   * type reads as null (the amount as 0, the lines as none if one is malformed), for the participant to
   * refuse the order with its own reason.
   */
  public static OrderSnapshot fromJson(JsonObject json) {
    return new OrderSnapshot(
        JsonFields.stringOrNull(json, "orderId"),
        JsonFields.stringOrNull(json, "userId"),
        JsonFields.stringOrNull(json, "email"),
        lines(json.getValue("lines")),
        JsonFields.longOrZero(json, "amountMinor"),
        JsonFields.stringOrNull(json, "currency"),
        JsonFields.stringOrNull(json, "shippingAddress"));
  }

  private static List<OrderLine> lines(Object value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    List<OrderLine> lines = new ArrayList<>(array.size());
    try {
      array.forEach(line -> lines.add(new OrderLine((JsonObject) line)));
    } catch (ClassCastException malformed) {
      return List.of();
    }
    return lines;
  }
}
