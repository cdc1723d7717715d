package shop.payment.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import shop.contracts.events.EventType;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.payment.provider.PaymentProvider;
import shop.payment.provider.PaymentProvider.Decision;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;

/**
 * The payment operations, each run inside the caller's transaction together with its ledger entries
 * and its events, so the event-bus service and the choreography consumer share one implementation.
 * Only a change of state writes an event: repeating an operation changes nothing and emits nothing.
 *
 * <p>Its {@link PaymentEvents} are keyed by order id, with the payment's fields and the saga's
 * {@code order} object when the operation was caused by an event that carried one (else null).
 */
public final class PaymentLedger {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_KEY_LENGTH = 200;

  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final CircuitBreaker providerBreaker;
  private final MeterRegistry meters;

  /**
   * @param providerBreaker guards the calls to the provider: while it is down (failing or too slow),
   *     charges fail fast as {@link PaymentProvider.Unavailable} rather than each waiting for it
   */
  public PaymentLedger(PaymentRepository payments, PaymentProvider provider, CircuitBreaker providerBreaker,
      MeterRegistry meters) {
    this.payments = payments;
    this.provider = provider;
    this.providerBreaker = providerBreaker;
    this.meters = meters;
  }

  /** What is wrong with a charge request, if anything. */
  public static Optional<String> problemWith(ChargeRequest request) {
    if (request == null) {
      return Optional.of("a charge request is required");
    }
    if (Uuids.parse(request.getOrderId()).isEmpty()) {
      return Optional.of("orderId must be a UUID");
    }
    if (Uuids.parse(request.getUserId()).isEmpty()) {
      return Optional.of("userId must be a UUID");
    }
    if (request.getAmountMinor() <= 0) {
      return Optional.of("amountMinor must be positive");
    }
    if (request.getCurrency() == null || !CURRENCY.matcher(request.getCurrency()).matches()) {
      return Optional.of("currency must be an ISO 4217 code such as EUR");
    }
    String key = request.getIdempotencyKey();
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      return Optional.of("idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /**
   * Charges a valid request once per idempotency key. The payment row is locked while the provider is
   * asked, so concurrent repeats wait and then find it decided; a decided payment is returned as
   * stored, without asking the provider again. A provider failure fails the future and leaves the
   * payment PENDING (if it was committed before), for the next charge with the key to decide.
   */
  public Future<Payment> charge(SqlConnection tx, ChargeRequest request, JsonObject order) {
    return payments.recordAttempt(tx, request)
        .compose(v -> payments.lockByKey(tx, request.getIdempotencyKey()))
        .compose(payment -> payment.isPending() ? decide(tx, payment, order) : Future.succeededFuture(payment));
  }

  private Future<Payment> decide(SqlConnection tx, Payment pending, JsonObject order) {
    return authorize(pending)
        .onFailure(e -> count("failed"))
        .compose(decision -> decision.approved()
            ? payments.decide(tx, pending.id(), PaymentResult.CAPTURED, null)
                .compose(captured -> payments.recordCharge(tx, captured)
                    .compose(v -> emit(tx, EventType.PAYMENT_CAPTURED, captured, order)))
            : payments.decide(tx, pending.id(), PaymentResult.DECLINED, decision.reason())
                .compose(declined -> emit(tx, EventType.PAYMENT_DECLINED, declined, order)));
  }

  /** The provider's decision, behind its breaker: no answer in time, or an open breaker, is {@code Unavailable}. */
  private Future<Decision> authorize(Payment pending) {
    return providerBreaker.<Decision>execute(() -> provider.authorize(pending.amountMinor(), pending.currency()))
        .recover(e -> Future.failedFuture(e instanceof PaymentProvider.Unavailable ? e
            : new PaymentProvider.Unavailable()));
  }

  /**
   * Refunds the order's captured payment (every one, should it have several). Empty
   * {@link Refund#payment()} if the order has no payment; otherwise its payment as it is now, and
   * whether this call refunded it.
   */
  public Future<Refund> refund(SqlConnection tx, UUID orderId, JsonObject order) {
    return payments.refundCaptured(tx, orderId).compose(refunded -> refunded.isEmpty()
        ? payments.latestOfOrder(tx, orderId).map(latest -> new Refund(latest, false))
        : recordRefunds(tx, refunded, order).map(v -> new Refund(Optional.of(refunded.get(0)), true)));
  }

  private Future<Void> recordRefunds(SqlConnection tx, List<Payment> refunded, JsonObject order) {
    Future<Void> chain = Future.succeededFuture();
    for (Payment payment : refunded) {
      chain = chain.compose(v -> payments.recordRefund(tx, payment))
          .compose(v -> emit(tx, EventType.PAYMENT_REFUNDED, payment, order))
          .mapEmpty();
    }
    return chain;
  }

  private Future<Payment> emit(SqlConnection tx, EventType type, Payment payment, JsonObject order) {
    JsonObject data = new JsonObject()
        .put("order", order)
        .put("paymentId", payment.id().toString())
        .put("orderId", payment.orderId().toString())
        .put("userId", payment.userId().toString())
        .put("amountMinor", payment.amountMinor())
        .put("currency", payment.currency())
        .put("status", payment.status())
        .put("reason", payment.reason());
    // Counted once the state change is committed, not when a rolled-back attempt made it.
    tx.transaction().completion().onSuccess(v -> count(payment.status().toLowerCase(Locale.ROOT)));
    return Outbox.append(tx, EventEnvelope.of(type, payment.orderId().toString(), data)).map(payment);
  }

  private void count(String outcome) {
    Counter.builder("payments").description("Payments decided or refunded, by outcome")
        .tag("outcome", outcome).register(meters).increment();
  }


  /** The outcome of a refund: the order's payment as it is now, and whether this call refunded it. */
  public record Refund(Optional<Payment> payment, boolean refundedNow) {
  }
}
