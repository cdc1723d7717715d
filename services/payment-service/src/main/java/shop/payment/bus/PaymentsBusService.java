package shop.payment.bus;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.payments.Payments;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentLedger;
import shop.payment.ledger.PaymentRepository;
import shop.payment.provider.PaymentProvider;
import shop.platform.bus.ServiceFailures;

/** The {@code payments} event-bus service: charges and refunds for the order saga. */
public final class PaymentsBusService implements Payments {

  private static final Logger log = LoggerFactory.getLogger(PaymentsBusService.class);

  private final Pool pool;
  private final PaymentRepository payments;
  private final PaymentLedger ledger;

  public PaymentsBusService(Pool pool, PaymentRepository payments, PaymentLedger ledger) {
    this.pool = pool;
    this.payments = payments;
    this.ledger = ledger;
  }

  @Override
  public Future<PaymentResult> charge(ChargeRequest request) {
    // The attempt is committed on its own first, so that if the provider fails it stays PENDING for
    // the next charge with this key to decide, rather than vanishing with the rolled-back decision.
    return ServiceFailures.unlessInvalid(PaymentLedger.problemWith(request), () ->
        payments.recordAttempt(pool, request)
            .compose(v -> pool.withTransaction(tx -> ledger.charge(tx, request, null)))
            .map(Payment::toResult)
            .recover(PaymentsBusService::undecided));
  }

  @Override
  public Future<PaymentResult> refund(String orderId) {
    return ServiceFailures.forOrder(orderId, id -> pool.withTransaction(tx -> ledger.refund(tx, id, null))
        .map(refund -> refund.payment().map(Payment::toResult)
            .orElseGet(() -> new PaymentResult(null, orderId, PaymentResult.NONE, 0, null, null)))
        .recover(PaymentsBusService::undecided));
  }

  /** A payment that could not be decided is for the caller to retry later (the contract's failed future). */
  private static <T> Future<T> undecided(Throwable failure) {
    return failure instanceof PaymentProvider.Unavailable
        ? ServiceException.fail(ServiceFailures.UNAVAILABLE, failure.getMessage())
        : ServiceFailures.unavailable(log, ADDRESS, failure);
  }
}
