package shop.contracts.events;

import io.vertx.core.json.JsonObject;
import java.util.List;
import shop.contracts.inventory.PricedLine;

/** The data of {@link EventType#ORDER_CREATED}: the order as it was placed, its lines priced. */
public record OrderCreated(String orderId, String userId, List<PricedLine> lines, long totalMinor, String currency,
                           String shippingAddress) {

  public OrderCreated {
    lines = List.copyOf(lines);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("orderId", orderId)
        .put("userId", userId)
        .put("lines", JsonFields.arrayOf(lines, PricedLine::toJson))
        .put("totalMinor", totalMinor)
        .put("currency", currency)
        .put("shippingAddress", shippingAddress);
  }
}
