package shop.platform.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import shop.contracts.events.EventType;

/**
 * Writes events to the outbox table, each for the topic of its {@link EventType}; pass the
 * connection of the transaction that changes the state. When that transaction commits, the
 * {@link OutboxRelay} of this JVM hears of it at once, on the local event bus, and sends the events on.
 */
public final class Outbox {

  /** Where the relay hears that events were committed; local to the JVM, never clustered. */
  static final String COMMITTED = "shop.outbox.committed";

  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private Outbox() {
  }

  /** Appends the event; it fails, writing nothing, if its type is not an {@link EventType}. */
  public static Future<Void> append(SqlConnection transaction, EventEnvelope event) {
    Optional<EventType> type = EventType.named(event.type());
    if (type.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("no event type " + event.type()));
    }
    return transaction
        .preparedQuery("INSERT INTO outbox (event_id, topic, aggregate_id, envelope) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(event.id(), type.get().topic().topicName(), event.aggregateId(), event.toJson()))
        .onSuccess(inserted -> announceOnCommit(transaction))
        .mapEmpty();
  }

  private static void announceOnCommit(SqlConnection connection) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return; // not on a Vert.x thread: the relay's sweep finds the events
    }
    Transaction transaction = connection.transaction();
    Future<Void> committed = transaction == null ? Future.succeededFuture() : transaction.completion();
    committed.onSuccess(v -> context.owner().eventBus().send(COMMITTED, null, LOCAL));
  }
}
