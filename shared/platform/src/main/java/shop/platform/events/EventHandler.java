package shop.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/** The effect of one event, applied inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

  Future<Void> handle(SqlConnection transaction, EventEnvelope event);
}
