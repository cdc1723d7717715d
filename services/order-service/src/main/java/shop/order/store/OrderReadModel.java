package shop.order.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.platform.http.PageRequest;

/** Order queries, answered from the read model only. */
public final class OrderReadModel {

  private static final String COLUMNS = "order_id, user_id, status, reason, lines, total_minor, currency, "
      + "shipping_address, payment_id, tracking_number, version, created_at, updated_at";

  private final Pool pool;

  public OrderReadModel(Pool pool) {
    this.pool = pool;
  }

  /** The order if it belongs to the user. */
  public Future<Optional<JsonObject>> find(UUID orderId, String userId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM orders_view WHERE order_id = $1 AND user_id = $2")
        .execute(Tuple.of(orderId, UUID.fromString(userId)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJson(rows.iterator().next())));
  }

  /** A page of the user's orders, newest first. */
  public Future<JsonObject> list(String userId, PageRequest page) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM orders_view WHERE user_id = $1 "
            + "ORDER BY created_at DESC, order_id LIMIT $2 OFFSET $3")
        .execute(Tuple.of(UUID.fromString(userId), page.limit(), page.offset()))
        .map(rows -> {
          List<JsonObject> orders = new ArrayList<>();
          rows.forEach(row -> orders.add(toJson(row)));
          return page.toJson(orders);
        });
  }

  /**
   * Orders whose saga has not finished and has not moved for a while: waiting for payment for
   * {@code paymentRetryMs}, or otherwise stalled for {@code stalledMs} (longer than any call takes).
   */
  public Future<List<UUID>> stalled(long paymentRetryMs, long stalledMs, int limit) {
    return pool.preparedQuery("SELECT order_id FROM orders_view "
            + "WHERE (status = 'PENDING_PAYMENT' AND updated_at < now() - make_interval(secs => $1)) "
            + "OR (status IN ('PENDING', 'CANCELLING') AND updated_at < now() - make_interval(secs => $2)) "
            + "ORDER BY updated_at LIMIT $3")
        .execute(Tuple.of(paymentRetryMs / 1000.0, stalledMs / 1000.0, limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("order_id")));
          return ids;
        });
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("order_id").toString())
        .put("userId", row.getUUID("user_id").toString())
        .put("status", row.getString("status"))
        .put("reason", row.getString("reason"))
        .put("items", row.getValue("lines"))
        .put("totalMinor", row.getLong("total_minor"))
        .put("currency", row.getString("currency"))
        .put("shippingAddress", row.getString("shipping_address"))
        .put("paymentId", row.getString("payment_id"))
        .put("trackingNumber", row.getString("tracking_number"))
        .put("version", row.getInteger("version"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("updatedAt", row.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
