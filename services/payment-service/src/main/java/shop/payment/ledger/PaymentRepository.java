package shop.payment.ledger;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.platform.http.PageRequest;

/** The {@code payments} and {@code ledger_entries} tables. Writes take the connection of the caller's transaction. */
public final class PaymentRepository {

  private static final String CHARGE = "CHARGE";
  private static final String REFUND = "REFUND";

  private final Pool pool;

  public PaymentRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records a PENDING payment for the request's idempotency key, unless the key already has one. */
  public Future<Void> recordAttempt(SqlClient client, ChargeRequest request) {
    return client.preparedQuery("INSERT INTO payments (id, order_id, user_id, amount_minor, currency, status, "
            + "idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(request.getOrderId()),
            UUID.fromString(request.getUserId()), request.getAmountMinor(), request.getCurrency(), Payment.PENDING,
            request.getIdempotencyKey()))
        .mapEmpty();
  }

  /** The key's payment, locked until the transaction ends: concurrent charges with the key wait here. */
  Future<Payment> lockByKey(SqlClient tx, String idempotencyKey) {
    return tx.preparedQuery("SELECT " + Payment.COLUMNS + " FROM payments WHERE idempotency_key = $1 FOR UPDATE")
        .execute(Tuple.of(idempotencyKey))
        .map(rows -> Payment.from(rows.iterator().next()));
  }

  Future<Payment> decide(SqlClient tx, UUID paymentId, String status, String reason) {
    return tx.preparedQuery("UPDATE payments SET status = $2, reason = $3, updated_at = now() WHERE id = $1 "
            + "RETURNING " + Payment.COLUMNS)
        .execute(Tuple.of(paymentId, status, reason))
        .map(rows -> Payment.from(rows.iterator().next()));
  }

  /** Marks the order's captured payments refunded; returns those it changed (none if already refunded). */
  Future<List<Payment>> refundCaptured(SqlClient tx, UUID orderId) {
    return tx.preparedQuery("UPDATE payments SET status = $2, updated_at = now() WHERE order_id = $1 AND status = $3 "
            + "RETURNING " + Payment.COLUMNS)
        .execute(Tuple.of(orderId, PaymentResult.REFUNDED, PaymentResult.CAPTURED))
        .map(PaymentRepository::all);
  }

  /** The order's most recent payment. */
  Future<Optional<Payment>> latestOfOrder(SqlClient client, UUID orderId) {
    return client.preparedQuery("SELECT " + Payment.COLUMNS + " FROM payments WHERE order_id = $1 "
            + "ORDER BY created_at DESC LIMIT 1")
        .execute(Tuple.of(orderId))
        .map(rows -> all(rows).stream().findFirst());
  }

  Future<Void> recordCharge(SqlClient tx, Payment payment) {
    return ledgerEntry(tx, payment, CHARGE, payment.amountMinor());
  }

  Future<Void> recordRefund(SqlClient tx, Payment payment) {
    return ledgerEntry(tx, payment, REFUND, -payment.amountMinor());
  }

  private static Future<Void> ledgerEntry(SqlClient tx, Payment payment, String kind, long amountMinor) {
    return tx.preparedQuery("INSERT INTO ledger_entries (id, payment_id, kind, amount_minor, currency) "
            + "VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(UUID.randomUUID(), payment.id(), kind, amountMinor, payment.currency()))
        .mapEmpty();
  }

  /** A page of the user's payments, newest first, optionally of one order only. */
  public Future<List<Payment>> listByUser(UUID userId, UUID orderId, PageRequest page) {
    return pool.preparedQuery("SELECT " + Payment.COLUMNS + " FROM payments "
            + "WHERE user_id = $1 AND ($2::uuid IS NULL OR order_id = $2) "
            + "ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4")
        .execute(Tuple.of(userId, orderId, page.limit(), page.offset()))
        .map(PaymentRepository::all);
  }

  public Future<Optional<Payment>> findByIdAndUser(UUID id, UUID userId) {
    return pool.preparedQuery("SELECT " + Payment.COLUMNS + " FROM payments WHERE id = $1 AND user_id = $2")
        .execute(Tuple.of(id, userId))
        .map(rows -> all(rows).stream().findFirst());
  }

  private static List<Payment> all(RowSet<Row> rows) {
    List<Payment> payments = new ArrayList<>(rows.size());
    rows.forEach(row -> payments.add(Payment.from(row)));
    return payments;
  }
}
