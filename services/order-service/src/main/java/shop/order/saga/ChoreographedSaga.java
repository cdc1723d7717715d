package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.UUID;
import shop.order.domain.CancelReason;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderStatus;
import shop.order.domain.SagaMode;
import shop.order.store.OrderEventStore;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;

/**
 * The choreographed order saga: order-service checks the user and publishes {@code order.submitted};
 * inventory, payments and shipping then react to each other's events (reserve, charge, ship, and
 * the compensations of a failure), and this class follows their events into the order's stream.
 *
 * <p>An effect that lands after the order failed (a charge racing a customer's cancellation) is
 * recorded and answered with another {@code order.cancel-requested}, so it is undone too. The
 * order is CANCELLED once every effect it knows of has been undone.
 */
public final class ChoreographedSaga implements EventHandler {

  private final OrderEventStore store;
  private final SagaMetrics metrics;
  private final UserCheck userCheck;

  ChoreographedSaga(OrderEventStore store, Participants participants, SagaMetrics metrics) {
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

  /** Only the participants' events of choreographed orders carry the order; the others are orchestrated. */
  @Override
  public boolean wants(EventEnvelope event) {
    return event.data().getValue("order") instanceof JsonObject;
  }

  /**
   * Records a participant's event in the order's stream, in the consumer's transaction. Events of
   * orders placed in orchestration mode are not this saga's business.
   */
  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    UUID orderId = UUID.fromString(event.aggregateId());
    return store.load(tx, orderId).compose(found -> {
      if (found.isEmpty() || found.get().sagaMode() != SagaMode.CHOREOGRAPHY) {
        return Future.succeededFuture();
      }
      Order order = found.get();
      boolean failedBefore = order.failureReason() != null;
      return record(tx, order, event)
          .compose(recorded -> followUp(tx, order, failedBefore && recorded && isForward(event.type())));
    });
  }

  /** Appends the order event the participant's event stands for; false if it changes nothing. */
  private Future<Boolean> record(SqlConnection tx, Order order, EventEnvelope event) {
    JsonObject data = event.data();
    return switch (event.type()) {
      case "stock.reserved" -> appendIf(tx, order, !order.stockReserved(), OrderEvent.STOCK_RESERVED, new JsonObject());
      case "stock.rejected" -> fail(tx, order, data.getString("reason", CancelReason.OUT_OF_STOCK));
      case "payment.captured" -> appendIf(tx, order, !order.paymentCaptured(), OrderEvent.PAYMENT_CAPTURED,
          new JsonObject().put("paymentId", data.getString("paymentId")));
      case "payment.declined" -> fail(tx, order, CancelReason.PAYMENT_DECLINED);
      case "shipment.created" -> appendIf(tx, order, !order.shipmentCreated(), OrderEvent.SHIPMENT_CREATED,
          new JsonObject().put("shipmentId", data.getString("shipmentId"))
              .put("trackingNumber", data.getString("trackingNumber")));
      case "shipment.rejected" -> fail(tx, order, CancelReason.SHIPPING_FAILED);
      case "stock.committed" -> appendIf(tx, order, !order.stockCommitted(), OrderEvent.STOCK_COMMITTED,
          new JsonObject());
      case "stock.released" -> appendIf(tx, order, order.stockReserved(), OrderEvent.STOCK_RELEASED, new JsonObject());
      case "payment.refunded" -> appendIf(tx, order, order.paymentCaptured(), OrderEvent.PAYMENT_REFUNDED,
          new JsonObject());
      case "shipment.cancelled" -> appendIf(tx, order, order.shipmentCreated(), OrderEvent.SHIPMENT_CANCELLED,
          new JsonObject());
      default -> Future.succeededFuture(false);
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

  /** An event that means a participant did something that may need undoing. */
  private static boolean isForward(String type) {
    return type.equals("stock.reserved") || type.equals("payment.captured") || type.equals("shipment.created");
  }
}
