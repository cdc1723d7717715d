package shop.order.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One order's events, written one after the other, and the order they fold into. */
public final class OrderStream {

  private final UUID id = UUID.randomUUID();
  private final List<OrderEvent> events = new ArrayList<>();

  /** A stream that starts with {@code OrderPlaced}: two units of one product, 25.00 EUR, in this saga mode. */
  public static OrderStream placed(SagaMode mode) {
    return new OrderStream().then(OrderEvent.PLACED, new JsonObject()
        .put("userId", UUID.randomUUID().toString())
        .put("sagaMode", mode.configValue())
        .put("lines", new JsonArray().add(new JsonObject().put("productId", "p").put("quantity", 2)))
        .put("totalMinor", 2500L)
        .put("currency", "EUR")
        .put("shippingAddress", "1 Main Street"));
  }

  public OrderStream then(String type, JsonObject data) {
    events.add(new OrderEvent(id, events.size() + 1, type, data, Instant.now()));
    return this;
  }

  public OrderStream then(String type) {
    return then(type, new JsonObject());
  }

  public Order order() {
    return Order.replay(id, events);
  }
}
