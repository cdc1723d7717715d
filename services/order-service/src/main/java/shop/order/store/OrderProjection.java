package shop.order.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.UUID;
import shop.order.domain.Order;

/**
 * Keeps the read model ({@code orders_view}) in step with the event store: written in the same
 * transaction as each event, so a query never sees an order older than its last event, and
 * rebuildable from the event store at any time.
 */
public final class OrderProjection {

  private final Pool pool;

  public OrderProjection(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> write(SqlConnection tx, Order order) {
    return tx.preparedQuery("""
            INSERT INTO orders_view (order_id, user_id, status, reason, lines, total_minor, currency,
              shipping_address, payment_id, tracking_number, version, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
              payment_id = EXCLUDED.payment_id, tracking_number = EXCLUDED.tracking_number,
              version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE orders_view.version < EXCLUDED.version""")
        .execute(Tuple.tuple()
            .addUUID(order.id())
            .addUUID(UUID.fromString(order.userId()))
            .addString(order.status().name())
            .addString(order.failureReason())
            .addValue(order.lines())
            .addLong(order.totalMinor())
            .addString(order.currency())
            .addString(order.shippingAddress())
            .addString(order.paymentId())
            .addString(order.trackingNumber())
            .addInteger(order.version())
            .addOffsetDateTime(order.createdAt().atOffset(ZoneOffset.UTC))
            .addOffsetDateTime(order.updatedAt().atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /** Replays every order's events into an emptied read model, in one transaction. Returns the order count. */
  public Future<Integer> rebuild() {
    return pool.withTransaction(tx -> tx.query("LOCK TABLE orders_view IN EXCLUSIVE MODE").execute()
        .compose(v -> tx.query("DELETE FROM orders_view").execute())
        .compose(v -> OrderEventStore.allOrderIds(tx))
        .compose(ids -> {
          Future<Void> chain = Future.succeededFuture();
          for (UUID id : ids) {
            chain = chain.compose(v -> OrderEventStore.events(tx, id)
                .compose(events -> write(tx, Order.replay(id, events))));
          }
          return chain.map(ids.size());
        }));
  }
}
