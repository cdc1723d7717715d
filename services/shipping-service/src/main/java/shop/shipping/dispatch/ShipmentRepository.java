package shop.shipping.dispatch;

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
import shop.contracts.shipping.Shipment;
import shop.platform.http.PageRequest;

/** The {@code shipments} table. Writes take the connection of the caller's transaction. */
public final class ShipmentRepository {

  private final Pool pool;

  public ShipmentRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the order's shipment; empty if the order already has one (then it is left as it was). */
  Future<Optional<ShipmentRecord>> insertIfAbsent(SqlClient tx, UUID orderId, UUID userId, String address,
      String status, String trackingNumber, String reason) {
    return tx.preparedQuery("INSERT INTO shipments (id, order_id, user_id, address, status, tracking_number, reason) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING RETURNING "
            + ShipmentRecord.COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), orderId, userId, address, status, trackingNumber, reason))
        .map(ShipmentRepository::first);
  }

  /** Cancels the order's shipment if it is CREATED; empty otherwise. */
  Future<Optional<ShipmentRecord>> cancelCreated(SqlClient tx, UUID orderId) {
    return tx.preparedQuery("UPDATE shipments SET status = $2, updated_at = now() WHERE order_id = $1 AND status = $3 "
            + "RETURNING " + ShipmentRecord.COLUMNS)
        .execute(Tuple.of(orderId, Shipment.CANCELLED, Shipment.CREATED))
        .map(ShipmentRepository::first);
  }

  Future<Optional<ShipmentRecord>> findByOrder(SqlClient client, UUID orderId) {
    return client.preparedQuery("SELECT " + ShipmentRecord.COLUMNS + " FROM shipments WHERE order_id = $1")
        .execute(Tuple.of(orderId))
        .map(ShipmentRepository::first);
  }

  /** A page of the user's shipments, newest first, optionally of one order only. */
  public Future<List<ShipmentRecord>> listByUser(UUID userId, UUID orderId, PageRequest page) {
    return pool.preparedQuery("SELECT " + ShipmentRecord.COLUMNS + " FROM shipments "
            + "WHERE user_id = $1 AND ($2::uuid IS NULL OR order_id = $2) "
            + "ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4")
        .execute(Tuple.of(userId, orderId, page.limit(), page.offset()))
        .map(rows -> {
          List<ShipmentRecord> shipments = new ArrayList<>(rows.size());
          rows.forEach(row -> shipments.add(ShipmentRecord.from(row)));
          return shipments;
        });
  }

  public Future<Optional<ShipmentRecord>> findByIdAndUser(UUID id, UUID userId) {
    return pool.preparedQuery("SELECT " + ShipmentRecord.COLUMNS + " FROM shipments WHERE id = $1 AND user_id = $2")
        .execute(Tuple.of(id, userId))
        .map(ShipmentRepository::first);
  }

  private static Optional<ShipmentRecord> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(ShipmentRecord.from(rows.iterator().next()));
  }
}
