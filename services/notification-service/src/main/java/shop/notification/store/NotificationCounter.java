package shop.notification.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.sqlclient.SqlConnection;

/** {@code notifications_total{kind, status}}: how many notifications reached each status. */
public final class NotificationCounter {

  private final MeterRegistry meters;

  public NotificationCounter(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Counts a status change made in {@code tx} once it is committed; a rollback counts nothing. */
  public void countOnCommit(SqlConnection tx, NotificationKind kind, NotificationStatus status) {
    tx.transaction().completion().onSuccess(v -> Counter.builder("notifications")
        .description("Notifications that reached each status")
        .tag("kind", kind.name())
        .tag("status", status.name())
        .register(meters)
        .increment());
  }
}
