package shop.notification.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import shop.platform.http.PageRequest;

/** The {@code notifications} table. */
public final class NotificationRepository {

  private final Pool pool;

  public NotificationRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores a notification in the given transaction; false if its event already has one (an event
   * redelivered, or consumed by another consumer group). It is dated when it is stored, not when the
   * transaction began: a consumer stores a whole poll's notifications in one transaction, and they
   * must still list in the order of their events.
   */
  public Future<Boolean> insert(SqlConnection tx, NewNotification notification, NotificationStatus status) {
    return tx.preparedQuery("INSERT INTO notifications (id, event_id, user_id, order_id, kind, recipient, subject, "
            + "body, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) "
            + "ON CONFLICT (event_id) DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), notification.eventId(), notification.userId(), notification.orderId(),
            notification.kind().name(), notification.recipient(), notification.subject(), notification.body(),
            status.name()))
        .map(rows -> rows.rowCount() == 1);
  }

  /** A user's notifications, newest first: up to {@link PageRequest#limit()} of them. */
  public Future<List<Notification>> listForUser(UUID userId, PageRequest page) {
    return pool.preparedQuery("SELECT " + Notification.COLUMNS + " FROM notifications WHERE user_id = $1 "
            + "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3")
        .execute(Tuple.of(userId, page.limit(), page.offset()))
        .map(NotificationRepository::all);
  }

  /**
   * Locks up to {@code limit} notifications that are due to be sent, skipping those another sender
   * has locked: each is sent by one sender at a time, until its transaction ends.
   */
  public Future<List<Notification>> lockDue(SqlConnection tx, int limit) {
    return tx.preparedQuery("SELECT " + Notification.COLUMNS + " FROM notifications "
            + "WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 "
            + "FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(limit))
        .map(NotificationRepository::all);
  }

  public Future<Void> markSent(SqlConnection tx, UUID id) {
    return tx.preparedQuery("UPDATE notifications SET status = 'SENT', attempts = attempts + 1, last_error = NULL, "
            + "sent_at = now() WHERE id = $1")
        .execute(Tuple.of(id))
        .mapEmpty();
  }

  /** Records a failed attempt: the notification becomes {@code status}, due again in {@code retryInMs}. */
  public Future<Void> markAttemptFailed(SqlConnection tx, UUID id, String error, NotificationStatus status,
      long retryInMs) {
    return tx.preparedQuery("UPDATE notifications SET status = $2, attempts = attempts + 1, last_error = $3, "
            + "next_attempt_at = now() + $4::bigint * interval '1 millisecond' WHERE id = $1")
        .execute(Tuple.of(id, status.name(), error, retryInMs))
        .mapEmpty();
  }

  private static List<Notification> all(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(Notification::from).toList();
  }
}
