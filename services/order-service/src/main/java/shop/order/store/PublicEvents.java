package shop.order.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.SagaMode;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;

/**
 * The events other services see, on topic {@code orders}: {@code order.created}, {@code order.confirmed},
 * {@code order.cancelled}; and, for a choreographed saga, the events the participants react to:
 * {@code order.submitted} (reserve, charge, ship) and {@code order.cancel-requested} (undo).
 * The other internal events stay in the event store.
 */
public final class PublicEvents {

  public static final String TOPIC = "orders";

  public Future<Void> publish(SqlConnection tx, Order order, OrderEvent event) {
    String id = order.id().toString();
    JsonObject common = new JsonObject().put("orderId", id).put("userId", order.userId());
    boolean choreographed = order.sagaMode() == SagaMode.CHOREOGRAPHY;
    EventEnvelope envelope = switch (event.type()) {
      case OrderEvent.PLACED -> EventEnvelope.of("order.created", id, common.copy()
          .put("lines", order.lines()).put("totalMinor", order.totalMinor()).put("currency", order.currency())
          .put("shippingAddress", order.shippingAddress()));
      case OrderEvent.CONFIRMED -> EventEnvelope.of("order.confirmed", id, common.copy()
          .put("email", order.email()).put("totalMinor", order.totalMinor()).put("currency", order.currency()));
      case OrderEvent.CANCELLED -> EventEnvelope.of("order.cancelled", id, common.copy()
          .put("email", order.email()).put("reason", order.failureReason()));
      case OrderEvent.USER_VALIDATED -> choreographed
          ? EventEnvelope.of("order.submitted", id, new JsonObject().put("order", sagaData(order))) : null;
      case OrderEvent.COMPENSATION_REQUESTED ->
          EventEnvelope.of("order.cancel-requested", id, new JsonObject().put("order", sagaData(order)));
      default -> null;
    };
    return envelope == null ? Future.succeededFuture()
        : Outbox.append(tx, TOPIC, envelope.inTrace(order.traceContext()));
  }

  /** What every participant of the choreography needs to know about the order, passed along with each event. */
  private static JsonObject sagaData(Order order) {
    JsonArray lines = new JsonArray();
    order.lines().forEach(line -> lines.add(new JsonObject()
        .put("productId", ((JsonObject) line).getString("productId"))
        .put("quantity", ((JsonObject) line).getInteger("quantity"))));
    return new JsonObject()
        .put("orderId", order.id().toString())
        .put("userId", order.userId())
        .put("email", order.email())
        .put("lines", lines)
        .put("amountMinor", order.totalMinor())
        .put("currency", order.currency())
        .put("shippingAddress", order.shippingAddress());
  }
}
