package shop.order.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;

/**
 * Orders as append-only event streams. An append names the version it builds on; if another
 * writer got there first the unique (order_id, version) key rejects it with {@link ConcurrentChange}.
 * Each append also updates the read model and writes the public event to the outbox, in the same
 * transaction, and once that commits goes out on the live {@link StatusFeed}.
 */
public final class OrderEventStore {

  private static final String UNIQUE_VIOLATION = "23505";

  private final Pool pool;
  private final OrderProjection projection;
  private final PublicEvents publicEvents;
  private final StatusFeed statusFeed;

  public OrderEventStore(Pool pool, OrderProjection projection, PublicEvents publicEvents, StatusFeed statusFeed) {
    this.pool = pool;
    this.projection = projection;
    this.publicEvents = publicEvents;
    this.statusFeed = statusFeed;
  }

  public Future<Optional<Order>> find(UUID orderId) {
    return load(pool, orderId);
  }

  /** The order as of its last event, read through the caller's client (a transaction). */
  public Future<Optional<Order>> load(SqlClient client, UUID orderId) {
    return events(client, orderId).map(events -> events.isEmpty()
        ? Optional.empty() : Optional.of(Order.replay(orderId, events)));
  }

  public Future<List<OrderEvent>> history(UUID orderId) {
    return events(pool, orderId);
  }

  /** Appends an event to the order in a transaction of its own. */
  public Future<Order> append(Order order, String type, JsonObject data) {
    return pool.withTransaction(tx -> append(tx, order, type, data));
  }

  /** Appends an event to the order, and does more in the same transaction. */
  public Future<Order> append(Order order, String type, JsonObject data,
      Function<SqlConnection, Future<Void>> alsoInTransaction) {
    return pool.withTransaction(tx -> append(tx, order, type, data).compose(updated ->
        alsoInTransaction.apply(tx).map(updated)));
  }

  /** Appends an event on top of the order's current version inside the caller's transaction. */
  public Future<Order> append(SqlConnection tx, Order order, String type, JsonObject data) {
    OrderEvent event = new OrderEvent(order.id(), order.version() + 1, type, data, Instant.now());
    return tx.preparedQuery("INSERT INTO order_events (order_id, version, type, data, occurred_at) "
            + "VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(event.orderId(), event.version(), event.type(), event.data(),
            event.occurredAt().atOffset(ZoneOffset.UTC)))
        .recover(e -> Future.failedFuture(isUniqueViolation(e) ? new ConcurrentChange(order.id()) : e))
        .compose(inserted -> {
          order.apply(event);
          statusFeed.afterCommit(tx, order, event);
          // Sent together, in one round trip: the connection pipelines them.
          return Future.all(projection.write(tx, order), publicEvents.publish(tx, order, event));
        })
        .map(order);
  }

  /** Every stream, oldest event first, for rebuilding the read model. */
  static Future<List<UUID>> allOrderIds(SqlClient client) {
    return client.query("SELECT order_id FROM order_events WHERE version = 1 ORDER BY position").execute()
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("order_id")));
          return ids;
        });
  }

  static Future<List<OrderEvent>> events(SqlClient client, UUID orderId) {
    return client.preparedQuery("SELECT order_id, version, type, data, occurred_at FROM order_events "
            + "WHERE order_id = $1 ORDER BY version")
        .execute(Tuple.of(orderId))
        .map(rows -> {
          List<OrderEvent> events = new ArrayList<>();
          for (Row row : rows) {
            events.add(new OrderEvent(row.getUUID("order_id"), row.getInteger("version"), row.getString("type"),
                (JsonObject) row.getValue("data"), row.getOffsetDateTime("occurred_at").toInstant()));
          }
          return events;
        });
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** Another writer appended to the order first; reload it and decide again. */
  public static final class ConcurrentChange extends RuntimeException {
    public ConcurrentChange(UUID orderId) {
      super("order " + orderId + " changed concurrently", null, false, false);
    }
  }
}
