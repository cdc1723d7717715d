package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.order.domain.CancelReason;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderStatus;
import shop.order.remote.Outcome;
import shop.order.saga.SagaLog.Mark;
import shop.order.saga.SagaLog.State;
import shop.order.saga.SagaLog.Step;
import shop.order.store.OrderEventStore;

/**
 * The orchestrated order saga: validate the user, reserve stock, charge, ship, confirm. Each call
 * to a participant is marked STARTED in the saga log before it is made (in the transaction that
 * records the step before it) and its result is stored with the order event it produces, so the saga can stop at any point (a crash, an unreachable
 * service) and {@link #advance} later picks up where it stopped, repeating at most the one call
 * whose answer was lost, and every participant operation is idempotent by order id.
 *
 * <p>When a step is refused, or the customer cancels, the order records {@code OrderFailed} and the
 * saga compensates, in reverse order, every step that may have taken effect (STARTED or DONE), then
 * records {@code OrderCancelled}.
 */
final class OrderSaga {

  private static final List<Step> COMPENSATION_ORDER = List.of(Step.SHIPMENT, Step.PAYMENT, Step.STOCK);

  private final OrderEventStore store;
  private final SagaLog log;
  private final Participants participants;
  private final SagaMetrics metrics;
  private final UserCheck userCheck;

  OrderSaga(OrderEventStore store, SagaLog log, Participants participants, SagaMetrics metrics) {
    this.store = store;
    this.log = log;
    this.participants = participants;
    this.metrics = metrics;
    this.userCheck = new UserCheck(store, participants, metrics);
  }

  /** Takes the order as far as it can go now; see {@link SagaDriver#advance}. */
  Future<Void> next(Order order) {
    OrderStatus status = order.status();
    if (status.isSettled()) {
      return Future.succeededFuture();
    }
    if (status == OrderStatus.CANCELLING) {
      return compensate(order);
    }
    if (!order.userValidated()) {
      return validateUser(order);
    }
    if (!order.stockReserved()) {
      return reserveStock(order);
    }
    if (!order.paymentCaptured()) {
      return charge(order);
    }
    if (!order.shipmentCreated()) {
      return ship(order);
    }
    return confirmShipped(order);
  }

  /** The stock step is marked started with the user's validation: the step's call comes next. */
  private Future<Void> validateUser(Order order) {
    return userCheck.validate(order, tx -> SagaLog.mark(tx, order.id(), List.of(new Mark(Step.STOCK, State.STARTED))))
        .compose(this::next);
  }

  private Future<Void> reserveStock(Order order) {
    List<OrderLine> lines = order.lines().stream()
        .map(line -> new OrderLine((JsonObject) line))
        .toList();
    return metrics.timeStep("stock", participants.reserve(order.id(), lines))
        .compose(outcome -> {
          if (outcome.isRefused()) {
            String reason = outcome.refusalCode() == Inventory.UNKNOWN_PRODUCT
                ? CancelReason.UNKNOWN_PRODUCT : CancelReason.OUT_OF_STOCK;
            return failStep(order, Step.STOCK, reason, outcome.refusal());
          }
          return completeStep(order, Step.STOCK, OrderEvent.STOCK_RESERVED, new JsonObject());
        });
  }

  private Future<Void> charge(Order order) {
    ChargeRequest request = new ChargeRequest(order.id().toString(), order.userId(), order.totalMinor(),
        order.currency(), "order:" + order.id());
    return metrics.timeStep("payment", participants.charge(request))
        .transform(charged -> charged.succeeded()
            ? recordCharge(order, charged.result())
            : awaitPayment(order, charged.cause()));
  }

  private Future<Void> recordCharge(Order order, Outcome<PaymentResult> outcome) {
    // A charge payments refuses to consider (an order totalling nothing) is final, like a decline.
    if (outcome.isRefused()) {
      return failStep(order, Step.PAYMENT, CancelReason.PAYMENT_DECLINED, outcome.refusal());
    }
    PaymentResult result = outcome.value();
    if (PaymentResult.DECLINED.equals(result.getStatus())) {
      return failStep(order, Step.PAYMENT, CancelReason.PAYMENT_DECLINED, result.getReason());
    }
    return completeStep(order, Step.PAYMENT, OrderEvent.PAYMENT_CAPTURED,
        new JsonObject().put("paymentId", result.getPaymentId()));
  }

  /** Payment could not be decided: the order waits in PENDING_PAYMENT and the charge is retried later. */
  private Future<Void> awaitPayment(Order order, Throwable unavailable) {
    if (order.paymentPending()) {
      return Future.failedFuture(unavailable);
    }
    return store.append(order, OrderEvent.PAYMENT_PENDING, new JsonObject().put("cause", unavailable.getMessage()))
        .mapEmpty();
  }

  private Future<Void> ship(Order order) {
    ShipmentRequest request = new ShipmentRequest(order.id().toString(), order.userId(), order.shippingAddress());
    return metrics.timeStep("shipment", participants.ship(request))
        .compose(shipment -> Shipment.REJECTED.equals(shipment.getStatus())
            ? failStep(order, Step.SHIPMENT, CancelReason.SHIPPING_FAILED, shipment.getReason())
            : confirm(order, shipment));
  }

  /**
   * Sells the reserved stock, then records the shipment and the confirmation in one transaction.
   * If that transaction is lost, the next run ships again and commits again, and both return
   * what they did the first time.
   */
  private Future<Void> confirm(Order order, Shipment shipment) {
    JsonObject shipped = new JsonObject()
        .put("shipmentId", shipment.getShipmentId())
        .put("trackingNumber", shipment.getTrackingNumber());
    return metrics.timeStep("commit", participants.commit(order.id()))
        .compose(committed -> store.append(order, OrderEvent.SHIPMENT_CREATED, shipped, tx -> store
            .append(tx, order, OrderEvent.CONFIRMED, new JsonObject())
            .compose(confirmed -> SagaLog.mark(tx, order.id(), List.of(new Mark(Step.SHIPMENT, State.DONE))))))
        .onSuccess(metrics::finished)
        .mapEmpty();
  }

  /** An order recorded as shipped and not confirmed (its confirmation was written apart, before). */
  private Future<Void> confirmShipped(Order order) {
    return metrics.timeStep("commit", participants.commit(order.id()))
        .compose(committed -> store.append(order, OrderEvent.CONFIRMED, new JsonObject()))
        .onSuccess(metrics::finished)
        .mapEmpty();
  }

  /** Records the step's result and marks it done, and marks the next step started: its call comes next. */
  private Future<Void> completeStep(Order order, Step step, String event, JsonObject data) {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark(step, State.DONE));
    step.next().ifPresent(next -> marks.add(new Mark(next, State.STARTED)));
    return store.append(order, event, data, tx -> SagaLog.mark(tx, order.id(), marks))
        .compose(this::next);
  }

  private Future<Void> failStep(Order order, Step step, String reason, String detail) {
    return store.append(order, OrderEvent.FAILED, new JsonObject().put("reason", reason).put("detail", detail),
            tx -> SagaLog.mark(tx, order.id(), List.of(new Mark(step, State.REFUSED))))
        .compose(this::next);
  }

  private Future<Void> compensate(Order order) {
    return log.states(order.id()).compose(states -> {
      Future<Order> chain = Future.succeededFuture(order);
      for (Step step : COMPENSATION_ORDER) {
        if (mayHaveTakenEffect(states, step)) {
          chain = chain.compose(current -> undo(current, step));
        }
      }
      return chain;
    }).compose(current -> store.append(current, OrderEvent.CANCELLED, new JsonObject()))
        .onSuccess(metrics::finished)
        .mapEmpty();
  }

  private static boolean mayHaveTakenEffect(Map<Step, State> states, Step step) {
    State state = states.get(step);
    return state == State.STARTED || state == State.DONE;
  }

  private Future<Order> undo(Order order, Step step) {
    Future<JsonObject> undone = switch (step) {
      case SHIPMENT -> metrics.timeStep("cancel-shipment", participants.cancelShipment(order.id()))
          .map(shipment -> new JsonObject().put("shipmentStatus", shipment.getStatus()));
      case PAYMENT -> metrics.timeStep("refund", participants.refund(order.id()))
          .map(payment -> new JsonObject().put("paymentStatus", payment.getStatus()));
      case STOCK -> metrics.timeStep("release", participants.release(order.id()))
          .map(reservation -> new JsonObject().put("reservationStatus", reservation.getStatus()));
    };
    String event = switch (step) {
      case SHIPMENT -> OrderEvent.SHIPMENT_CANCELLED;
      case PAYMENT -> OrderEvent.PAYMENT_REFUNDED;
      case STOCK -> OrderEvent.STOCK_RELEASED;
    };
    return undone.compose(data -> store.append(order, event, data,
        tx -> SagaLog.mark(tx, order.id(), List.of(new Mark(step, State.COMPENSATED)))));
  }
}
