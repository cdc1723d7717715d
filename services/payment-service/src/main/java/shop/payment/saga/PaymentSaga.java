package shop.payment.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import shop.contracts.events.EventType;
import shop.contracts.events.OrderSnapshot;
import shop.contracts.events.Topic;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentLedger;
import shop.platform.events.choreography.ChoreographyParticipant;
import shop.platform.events.choreography.SagaEvent;

/**
 * payment-service's part of the choreographed order saga: charges an order once its stock is
 * reserved, refunds it when its shipment is rejected or the customer cancels. Each reaction runs in
 * the consumer's transaction, so a provider failure rolls it back and the event is retried later.
 */
public final class PaymentSaga extends ChoreographyParticipant {

  /** The consumer group, and the key its processed events are stored under. */
  public static final String CONSUMER = "payment-service.saga";

  private enum Reaction { CHARGE, REFUND, REFUND_AND_ANSWER }

  private static final Map<EventType, Reaction> REACTIONS = Map.of(
      EventType.STOCK_RESERVED, Reaction.CHARGE,
      EventType.SHIPMENT_REJECTED, Reaction.REFUND,
      EventType.ORDER_CANCEL_REQUESTED, Reaction.REFUND_AND_ANSWER);

  public static final Set<EventType> REACTS_TO = REACTIONS.keySet();
  /** The topics whose events this reacts to. */
  public static final List<String> TOPICS = Topic.namesOf(REACTS_TO);

  private final PaymentLedger ledger;

  public PaymentSaga(PaymentLedger ledger) {
    super(REACTS_TO);
    this.ledger = ledger;
  }

  @Override
  protected Future<Void> react(SqlConnection tx, SagaEvent event) {
    return switch (REACTIONS.get(event.type())) {
      case CHARGE -> charge(tx, event);
      case REFUND -> refund(tx, event, false);
      case REFUND_AND_ANSWER -> refund(tx, event, true);
    };
  }

  private Future<Void> charge(SqlConnection tx, SagaEvent event) {
    OrderSnapshot order = event.order();
    String orderId = event.orderId();
    ChargeRequest request = new ChargeRequest(orderId, order.userId(), order.amountMinor(), order.currency(),
        "order:" + orderId);
    Optional<String> problem = PaymentLedger.problemWith(request);
    if (problem.isPresent()) {
      // Declined rather than skipped, so the saga still ends and the reserved stock is released.
      return event.refuse(tx, EventType.PAYMENT_DECLINED, "paymentId", problem.get());
    }
    return ledger.charge(tx, request, event.orderJson()).mapEmpty();
  }

  /**
   * Refunds the order. A customer's cancellation is always answered with {@code payment.refunded},
   * so the saga can finish: if nothing was refunded now it names the refunded payment, if any, else none.
   */
  private Future<Void> refund(SqlConnection tx, SagaEvent event, boolean alwaysAnswer) {
    return event.withOrderKey(orderId -> ledger.refund(tx, orderId, event.orderJson()).compose(refund -> {
      if (refund.refundedNow() || !alwaysAnswer) {
        return Future.succeededFuture();
      }
      String paymentId = refund.payment().filter(p -> PaymentResult.REFUNDED.equals(p.status()))
          .map(Payment::id).map(UUID::toString).orElse(null);
      return event.answer(tx, EventType.PAYMENT_REFUNDED,
          new JsonObject().put("paymentId", paymentId).put("orderId", event.envelope().aggregateId()));
    }));
  }
}
