package shop.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/** The effect of one event, applied inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

  Future<Void> handle(SqlConnection transaction, EventEnvelope event);

  /**
   * Whether the event can have an effect here. The consumer records and handles only those; the
   * others it acknowledges without touching the database (a topic carries many events a given
   * consumer has no part in, such as those of orders whose saga another service drives).
   */
  default boolean wants(EventEnvelope event) {
    return true;
  }
}
