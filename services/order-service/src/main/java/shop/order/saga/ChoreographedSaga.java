package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Set;
import shop.contracts.events.EventType;
import shop.contracts.events.Topic;
import shop.order.domain.CancelReason;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderStatus;
import shop.order.domain.SagaMode;
import shop.order.store.OrderEventStore;
import shop.platform.events.choreography.ChoreographyParticipant;
import shop.platform.events.choreography.SagaEvent;

/**
 * The choreographed order saga: order-service checks the user and publishes {@code order.submitted};
 * inventory, payments and shipping then react to each other's events (reserve, charge, ship, and
 * the compensations of a failure), and this class follows their events into the order's stream.
 *
 * <p>An effect that lands after the order failed (a charge racing a customer's cancellation) is
 * recorded and answered with another {@code order.cancel-requested}, so it is undone too. The
 * order is CANCELLED once every effect it knows of has been undone.
 */
public final class ChoreographedSaga extends ChoreographyParticipant {

  /** The consumer group, and the key its processed events are stored under. */
  public static final String CONSUMER = "order-service.saga";

  /** Every event of the participants: order-service follows them all into the order's stream. */
  public static final Set<EventType> REACTS_TO = Set.of(
      EventType.STOCK_RESERVED, EventType.STOCK_REJECTED, EventType.STOCK_COMMITTED, EventType.STOCK_RELEASED,
      EventType.PAYMENT_CAPTURED, EventType.PAYMENT_DECLINED, EventType.PAYMENT_REFUNDED,
      EventType.SHIPMENT_CREATED, EventType.SHIPMENT_REJECTED, EventType.SHIPMENT_CANCELLED);
  /** Where the participants publish what they did. */
  public static final List<String> TOPICS = Topic.namesOf(REACTS_TO);

  /** The events that mean a participant did something that may need undoing. */
  private static final Set<EventType> FORWARD = Set.of(EventType.STOCK_RESERVED, EventType.PAYMENT_CAPTURED,
      EventType.SHIPMENT_CREATED);

  private final OrderEventStore store;
  private final SagaMetrics metrics;
  private final UserCheck userCheck;

  ChoreographedSaga(OrderEventStore store, Participants participants, SagaMetrics metrics) {
    super(REACTS_TO);
    this.store = store;
    this.metrics = metrics;
    this.userCheck = new UserCheck(store, participants, metrics);
  }

  /** What order-service itself does: check the user (which submits the order), ask for compensation on a cancel. */
  Future<Void> next(Order order) {
    if (order.status().isFinal()) {
      return Future.succeededFuture();
    }
    if (!order.userValidated() && order.failureReason() == null) {
      return userCheck.validate(order, tx -> Future.succeededFuture()).compose(this::next);
    }
    if (order.status() == OrderStatus.CANCELLING && order.compensated()) {
      return store.append(order, OrderEvent.CANCELLED, new JsonObject()).onSuccess(metrics::finished).mapEmpty();
    }
    if (CancelReason.CANCELLED_BY_CUSTOMER.equals(order.failureReason()) && !order.compensationRequested()) {
      return store.append(order, OrderEvent.COMPENSATION_REQUESTED, new JsonObject()).mapEmpty();
    }
    return Future.succeededFuture();
  }

  /**
   * Records a participant's event in the order's stream, in the consumer's transaction. Events of
   * orders placed in orchestration mode are not this saga's business.
   */
  @Override
  protected Future<Void> react(SqlConnection tx, SagaEvent event) {
    return event.withOrderKey(orderId -> store.load(tx, orderId).compose(found -> {
      if (found.isEmpty() || found.get().sagaMode() != SagaMode.CHOREOGRAPHY) {
        return Future.succeededFuture();
      }
      Order order = found.get();
      boolean failedBefore = order.failureReason() != null;
      return record(tx, order, event)
          .compose(recorded -> followUp(tx, order, failedBefore && recorded && FORWARD.contains(event.type())));
    }));
  }

  /** Appends the order event the participant's event stands for; false if it changes nothing. */
  private Future<Boolean> record(SqlConnection tx, Order order, SagaEvent event) {
    JsonObject data = event.envelope().data();
    return switch (event.type()) {
      case STOCK_RESERVED -> appendIf(tx, order, !order.stockReserved(), OrderEvent.STOCK_RESERVED, new JsonObject());
      case STOCK_REJECTED -> fail(tx, order, data.getString("reason", CancelReason.OUT_OF_STOCK));
      case PAYMENT_CAPTURED -> appendIf(tx, order, !order.paymentCaptured(), OrderEvent.PAYMENT_CAPTURED,
          new JsonObject().put("paymentId", data.getString("paymentId")));
      case PAYMENT_DECLINED -> fail(tx, order, CancelReason.PAYMENT_DECLINED);
      case SHIPMENT_CREATED -> appendIf(tx, order, !order.shipmentCreated(), OrderEvent.SHIPMENT_CREATED,
          new JsonObject().put("shipmentId", data.getString("shipmentId"))
              .put("trackingNumber", data.getString("trackingNumber")));
      case SHIPMENT_REJECTED -> fail(tx, order, CancelReason.SHIPPING_FAILED);
      case STOCK_COMMITTED -> appendIf(tx, order, !order.stockCommitted(), OrderEvent.STOCK_COMMITTED,
          new JsonObject());
      case STOCK_RELEASED -> appendIf(tx, order, order.stockReserved(), OrderEvent.STOCK_RELEASED, new JsonObject());
      case PAYMENT_REFUNDED -> appendIf(tx, order, order.paymentCaptured(), OrderEvent.PAYMENT_REFUNDED,
          new JsonObject());
      case SHIPMENT_CANCELLED -> appendIf(tx, order, order.shipmentCreated(), OrderEvent.SHIPMENT_CANCELLED,
          new JsonObject());
      default -> Future.succeededFuture(false); // not in REACTS_TO
    };
  }

  /**
   * Confirms the order once every step's event is recorded, whatever order they came in. After a
   * failure: cancels once everything is undone, and asks again to undo an effect that landed late.
   */
  private Future<Void> followUp(SqlConnection tx, Order order, boolean lateEffect) {
    if (order.failureReason() == null) {
      return order.everyStepRecorded() && order.status() != OrderStatus.CONFIRMED
          ? store.append(tx, order, OrderEvent.CONFIRMED, new JsonObject()).onSuccess(metrics::finished).mapEmpty()
          : Future.succeededFuture();
    }
    if (lateEffect) {
      return store.append(tx, order, OrderEvent.COMPENSATION_REQUESTED, new JsonObject()).mapEmpty();
    }
    if (!order.status().isFinal() && order.compensated()) {
      return store.append(tx, order, OrderEvent.CANCELLED, new JsonObject()).onSuccess(metrics::finished).mapEmpty();
    }
    return Future.succeededFuture();
  }

  private Future<Boolean> fail(SqlConnection tx, Order order, String reason) {
    return appendIf(tx, order, order.failureReason() == null, OrderEvent.FAILED,
        new JsonObject().put("reason", reason));
  }

  private Future<Boolean> appendIf(SqlConnection tx, Order order, boolean condition, String type, JsonObject data) {
    return condition ? store.append(tx, order, type, data).map(true) : Future.succeededFuture(false);
  }
}
