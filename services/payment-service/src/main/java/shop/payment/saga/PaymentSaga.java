package shop.payment.saga;

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
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentLedger;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;

/**
 * payment-service's part of the choreographed order saga: charges an order once its stock is
 * reserved, refunds it when its shipment is rejected or the customer cancels. Each reaction runs in
 * the consumer's transaction, so a provider failure rolls it back and the event is retried later.
 */
public final class PaymentSaga implements EventHandler {

  /** The topics whose events this reacts to. */
  public static final String CONSUMER = "payment-service.saga";
  public static final List<String> TOPICS = List.of("inventory", "shipping", "orders");

  static final String INVALID_ORDER = "INVALID_ORDER";

  private static final Set<String> REACTS_TO = Set.of("stock.reserved", "shipment.rejected", "order.cancel-requested");

  private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

  private final PaymentLedger ledger;

  public PaymentSaga(PaymentLedger ledger) {
    this.ledger = ledger;
  }

  /** Only the events of choreographed orders carry the order; order-service drives the others' sagas. */
  @Override
  public boolean wants(EventEnvelope event) {
    return REACTS_TO.contains(event.type()) && event.data().getValue("order") instanceof JsonObject;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    return switch (event.type()) {
      case "stock.reserved" -> withOrder(event, order -> charge(tx, event, order));
      case "shipment.rejected" -> withOrder(event, order -> refund(tx, event, order, false));
      case "order.cancel-requested" -> withOrder(event, order -> refund(tx, event, order, true));
      default -> Future.succeededFuture();
    };
  }

  private static Future<Void> withOrder(EventEnvelope event, Function<JsonObject, Future<Void>> reaction) {
    return event.data().getValue("order") instanceof JsonObject order ? reaction.apply(order)
        : Future.succeededFuture(); // an orchestrated order's event: order-service drives that saga
  }

  private Future<Void> charge(SqlConnection tx, EventEnvelope event, JsonObject order) {
    String orderId = order.getValue("orderId") instanceof String id ? id : event.aggregateId();
    long amountMinor = order.getValue("amountMinor") instanceof Number amount ? amount.longValue() : 0;
    ChargeRequest request = new ChargeRequest(orderId, string(order, "userId"), amountMinor,
        string(order, "currency"), "order:" + orderId);
    Optional<String> problem = PaymentLedger.problemWith(request);
    if (problem.isPresent()) {
      // Declined rather than skipped, so the saga still ends and the reserved stock is released.
      log.warn("declining the order of event {} ({}): {}", event.id(), event.type(), problem.get());
      return Outbox.append(tx, PaymentLedger.TOPIC, EventEnvelope.of(PaymentLedger.DECLINED_EVENT,
          event.aggregateId(), new JsonObject().put("order", order).put("paymentId", null)
              .put("orderId", orderId).put("reason", INVALID_ORDER)));
    }
    return ledger.charge(tx, request, order).mapEmpty();
  }

  /**
   * Refunds the order. A customer's cancellation is always answered with {@code payment.refunded},
   * so the saga can finish: if nothing was refunded now it names the refunded payment, if any, else none.
   */
  private Future<Void> refund(SqlConnection tx, EventEnvelope event, JsonObject order, boolean alwaysAnswer) {
    Optional<UUID> orderId = Uuids.parse(event.aggregateId());
    if (orderId.isEmpty()) {
      return ignore(event, "its aggregate id is not an order id");
    }
    return ledger.refund(tx, orderId.get(), order).compose(refund -> {
      if (refund.refundedNow() || !alwaysAnswer) {
        return Future.succeededFuture();
      }
      String paymentId = refund.payment().filter(p -> PaymentResult.REFUNDED.equals(p.status()))
          .map(Payment::id).map(UUID::toString).orElse(null);
      return Outbox.append(tx, PaymentLedger.TOPIC, EventEnvelope.of(PaymentLedger.REFUNDED_EVENT,
          event.aggregateId(), new JsonObject().put("order", order).put("paymentId", paymentId)
              .put("orderId", event.aggregateId())));
    });
  }

  private static Future<Void> ignore(EventEnvelope event, String why) {
    log.warn("ignoring event {} ({}): {}", event.id(), event.type(), why);
    return Future.succeededFuture();
  }

  private static String string(JsonObject json, String field) {
    return json.getValue(field) instanceof String value ? value : null;
  }
}
