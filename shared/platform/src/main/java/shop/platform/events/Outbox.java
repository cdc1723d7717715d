package shop.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Writes events to the outbox table; pass the connection of the transaction that changes the state. */
public final class Outbox {

  private Outbox() {
  }

  public static Future<Void> append(SqlClient transaction, String topic, EventEnvelope event) {
    return transaction
        .preparedQuery("INSERT INTO outbox (event_id, topic, aggregate_id, envelope) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(event.id(), topic, event.aggregateId(), event.toJson()))
        .mapEmpty();
  }
}
