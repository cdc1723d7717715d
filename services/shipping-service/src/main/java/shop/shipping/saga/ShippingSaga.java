package shop.shipping.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;
import shop.shipping.dispatch.Dispatch;
import shop.shipping.dispatch.ShipmentRecord;

/**
 * shipping-service's part of the choreographed order saga: ships an order once it is paid, and
 * cancels its shipment when the customer cancels. Each reaction runs in the consumer's transaction.
 */
public final class ShippingSaga implements EventHandler {

  /** The topics whose events this reacts to. */
  public static final String CONSUMER = "shipping-service.saga";
  public static final List<String> TOPICS = List.of("payments", "orders");

  static final String INVALID_ORDER = "INVALID_ORDER";

  private static final Set<String> REACTS_TO = Set.of("payment.captured", "order.cancel-requested");

  private static final Logger log = LoggerFactory.getLogger(ShippingSaga.class);

  private final Dispatch dispatch;

  public ShippingSaga(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  /** Only the events of choreographed orders carry the order; order-service drives the others' sagas. */
  @Override
  public boolean wants(EventEnvelope event) {
    return REACTS_TO.contains(event.type()) && event.data().getValue("order") instanceof JsonObject;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    return switch (event.type()) {
      case "payment.captured" -> withOrder(event, order -> ship(tx, event, order));
      case "order.cancel-requested" -> withOrder(event, order -> cancel(tx, event, order));
      default -> Future.succeededFuture();
    };
  }

  private static Future<Void> withOrder(EventEnvelope event, Function<JsonObject, Future<Void>> reaction) {
    if (event.data().getValue("order") instanceof JsonObject order) {
      return reaction.apply(order);
    }
    return Future.succeededFuture(); // an orchestrated order's event: order-service drives that saga
  }

  private Future<Void> ship(SqlConnection tx, EventEnvelope event, JsonObject order) {
    String orderId = order.getValue("orderId") instanceof String id ? id : event.aggregateId();
    ShipmentRequest request = new ShipmentRequest(orderId, string(order, "userId"), string(order, "shippingAddress"));
    Optional<String> problem = Dispatch.problemWith(request);
    if (problem.isPresent()) {
      // Rejected rather than skipped, so the saga still ends: the payment is refunded, the stock released.
      log.warn("rejecting the shipment of event {} ({}): {}", event.id(), event.type(), problem.get());
      return answer(tx, event, Dispatch.REJECTED_EVENT, new JsonObject().put("order", order).put("shipmentId", null)
          .put("orderId", orderId).put("reason", INVALID_ORDER));
    }
    return dispatch.create(tx, request, order).mapEmpty();
  }

  /**
   * Cancels the order's shipment. A customer's cancellation is always answered with
   * {@code shipment.cancelled}, so the saga can finish: if nothing was cancelled now it names the
   * cancelled shipment, if any, else none.
   */
  private Future<Void> cancel(SqlConnection tx, EventEnvelope event, JsonObject order) {
    Optional<UUID> orderId = Uuids.parse(event.aggregateId());
    if (orderId.isEmpty()) {
      log.warn("ignoring event {} ({}): its aggregate id is not an order id", event.id(), event.type());
      return Future.succeededFuture();
    }
    return dispatch.cancel(tx, orderId.get(), order).compose(cancellation -> {
      if (cancellation.cancelledNow()) {
        return Future.succeededFuture();
      }
      String shipmentId = cancellation.shipment().filter(s -> Shipment.CANCELLED.equals(s.status()))
          .map(ShipmentRecord::id).map(UUID::toString).orElse(null);
      return answer(tx, event, Dispatch.CANCELLED_EVENT, new JsonObject().put("order", order)
          .put("shipmentId", shipmentId).put("orderId", event.aggregateId()));
    });
  }

  private static Future<Void> answer(SqlConnection tx, EventEnvelope event, String type, JsonObject data) {
    return Outbox.append(tx, Dispatch.TOPIC, EventEnvelope.of(type, event.aggregateId(), data));
  }

  private static String string(JsonObject json, String field) {
    return json.getValue(field) instanceof String value ? value : null;
  }
}
