package shop.payment.bus;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.payments.Payments;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentLedger;
import shop.payment.ledger.PaymentRepository;
import shop.payment.provider.PaymentProvider;
import shop.platform.ids.Uuids;

/** The {@code payments} event-bus service: charges and refunds for the order saga. */
public final class PaymentsService implements Payments {

  public static final int BAD_REQUEST = 400;
  public static final int UNAVAILABLE = 503;

  private static final Logger log = LoggerFactory.getLogger(PaymentsService.class);

  private final Pool pool;
  private final PaymentRepository payments;
  private final PaymentLedger ledger;

  public PaymentsService(Pool pool, PaymentRepository payments, PaymentLedger ledger) {
    this.pool = pool;
    this.payments = payments;
    this.ledger = ledger;
  }

  @Override
  public Future<PaymentResult> charge(ChargeRequest request) {
    Optional<String> problem = PaymentLedger.problemWith(request);
    if (problem.isPresent()) {
      return ServiceException.fail(BAD_REQUEST, problem.get());
    }
    // The attempt is committed on its own first, so that if the provider fails it stays PENDING for
    // the next charge with this key to decide, rather than vanishing with the rolled-back decision.
    return payments.recordAttempt(pool, request)
        .compose(v -> pool.withTransaction(tx -> ledger.charge(tx, request, null)))
        .map(Payment::toResult)
        .recover(PaymentsService::unavailable);
  }

  @Override
  public Future<PaymentResult> refund(String orderId) {
    Optional<UUID> id = Uuids.parse(orderId);
    if (id.isEmpty()) {
      return ServiceException.fail(BAD_REQUEST, "orderId must be a UUID");
    }
    return pool.withTransaction(tx -> ledger.refund(tx, id.get(), null))
        .map(refund -> refund.payment().map(Payment::toResult)
            .orElseGet(() -> new PaymentResult(null, orderId, PaymentResult.NONE, 0, null, null)))
        .recover(PaymentsService::unavailable);
  }

  /** A payment that could not be decided is for the caller to retry later (the contract's failed future). */
  private static <T> Future<T> unavailable(Throwable failure) {
    if (failure instanceof PaymentProvider.Unavailable) {
      return ServiceException.fail(UNAVAILABLE, failure.getMessage());
    }
    log.error("payment operation failed", failure);
    return ServiceException.fail(UNAVAILABLE, "payments unavailable");
  }
}
