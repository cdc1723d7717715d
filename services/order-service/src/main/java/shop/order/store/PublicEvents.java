package shop.order.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import shop.contracts.events.EventType;
import shop.contracts.events.OrderCancelled;
import shop.contracts.events.OrderConfirmed;
import shop.contracts.events.OrderCreated;
import shop.contracts.events.OrderSnapshot;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.PricedLine;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.SagaMode;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;

/**
 * The events of topic {@code orders}: for other services, {@code order.created}, {@code order.confirmed}
 * and {@code order.cancelled}; and, for a choreographed saga, the events the participants react to:
 * {@code order.submitted} (reserve, charge, ship) and {@code order.cancel-requested} (undo).
 * The other internal events stay in the event store.
 */
public final class PublicEvents {

  public Future<Void> publish(SqlConnection tx, Order order, OrderEvent event) {
    String id = order.id().toString();
    boolean choreographed = order.sagaMode() == SagaMode.CHOREOGRAPHY;
    EventEnvelope envelope = switch (event.type()) {
      case OrderEvent.PLACED -> EventEnvelope.of(EventType.ORDER_CREATED, id,
          new OrderCreated(id, order.userId(), pricedLines(order), order.totalMinor(), order.currency(),
              order.shippingAddress()).toJson());
      case OrderEvent.CONFIRMED -> EventEnvelope.of(EventType.ORDER_CONFIRMED, id,
          new OrderConfirmed(id, order.userId(), order.email(), order.totalMinor(), order.currency()).toJson());
      case OrderEvent.CANCELLED -> EventEnvelope.of(EventType.ORDER_CANCELLED, id,
          new OrderCancelled(id, order.userId(), order.email(), order.failureReason()).toJson());
      case OrderEvent.USER_VALIDATED ->
          choreographed ? EventEnvelope.of(EventType.ORDER_SUBMITTED, id, sagaData(order)) : null;
      case OrderEvent.COMPENSATION_REQUESTED -> EventEnvelope.of(EventType.ORDER_CANCEL_REQUESTED, id, sagaData(order));
      default -> null;
    };
    return envelope == null ? Future.succeededFuture()
        : Outbox.append(tx, envelope.inTrace(order.traceContext()));
  }

  private static List<PricedLine> pricedLines(Order order) {
    return order.lines().stream().map(line -> new PricedLine((JsonObject) line)).toList();
  }

  /** What every participant of the choreography needs to know about the order, passed along with each event. */
  private static JsonObject sagaData(Order order) {
    List<OrderLine> lines = pricedLines(order).stream()
        .map(line -> new OrderLine(line.getProductId(), line.getQuantity()))
        .toList();
    OrderSnapshot snapshot = new OrderSnapshot(order.id().toString(), order.userId(), order.email(), lines,
        order.totalMinor(), order.currency(), order.shippingAddress());
    return new JsonObject().put("order", snapshot.toJson());
  }
}
