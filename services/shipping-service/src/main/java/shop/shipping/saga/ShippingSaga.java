package shop.shipping.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import shop.contracts.events.EventType;
import shop.contracts.events.Topic;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.platform.events.choreography.ChoreographyParticipant;
import shop.platform.events.choreography.SagaEvent;
import shop.shipping.dispatch.Dispatch;
import shop.shipping.dispatch.ShipmentRecord;

/**
 * shipping-service's part of the choreographed order saga: ships an order once it is paid, and
 * cancels its shipment when the customer cancels. Each reaction runs in the consumer's transaction.
 */
public final class ShippingSaga extends ChoreographyParticipant {

  /** The consumer group, and the key its processed events are stored under. */
  public static final String CONSUMER = "shipping-service.saga";

  private enum Reaction { SHIP, CANCEL }

  private static final Map<EventType, Reaction> REACTIONS = Map.of(
      EventType.PAYMENT_CAPTURED, Reaction.SHIP,
      EventType.ORDER_CANCEL_REQUESTED, Reaction.CANCEL);

  public static final Set<EventType> REACTS_TO = REACTIONS.keySet();
  /** The topics whose events this reacts to. */
  public static final List<String> TOPICS = Topic.namesOf(REACTS_TO);

  private final Dispatch dispatch;

  public ShippingSaga(Dispatch dispatch) {
    super(REACTS_TO);
    this.dispatch = dispatch;
  }

  @Override
  protected Future<Void> react(SqlConnection tx, SagaEvent event) {
    return switch (REACTIONS.get(event.type())) {
      case SHIP -> ship(tx, event);
      case CANCEL -> cancel(tx, event);
    };
  }

  private Future<Void> ship(SqlConnection tx, SagaEvent event) {
    ShipmentRequest request = new ShipmentRequest(event.orderId(), event.order().userId(),
        event.order().shippingAddress());
    Optional<String> problem = Dispatch.problemWith(request);
    if (problem.isPresent()) {
      // Rejected rather than skipped, so the saga still ends: the payment is refunded, the stock released.
      return event.refuse(tx, EventType.SHIPMENT_REJECTED, "shipmentId", problem.get());
    }
    return dispatch.create(tx, request, event.orderJson()).mapEmpty();
  }

  /**
   * Cancels the order's shipment. A customer's cancellation is always answered with
   * {@code shipment.cancelled}, so the saga can finish: if nothing was cancelled now it names the
   * cancelled shipment, if any, else none.
   */
  private Future<Void> cancel(SqlConnection tx, SagaEvent event) {
    return event.withOrderKey(orderId -> dispatch.cancel(tx, orderId, event.orderJson()).compose(cancellation -> {
      if (cancellation.cancelledNow()) {
        return Future.succeededFuture();
      }
      String shipmentId = cancellation.shipment().filter(s -> Shipment.CANCELLED.equals(s.status()))
          .map(ShipmentRecord::id).map(UUID::toString).orElse(null);
      return event.answer(tx, EventType.SHIPMENT_CANCELLED,
          new JsonObject().put("shipmentId", shipmentId).put("orderId", event.envelope().aggregateId()));
    }));
  }
}
