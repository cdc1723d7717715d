package shop.order.placing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import shop.contracts.inventory.PricedLine;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.SagaMode;
import shop.order.pricing.Pricing;
import shop.order.store.OrderEventStore;
import shop.platform.http.Problem;
import shop.platform.http.Problem.FieldError;
import shop.platform.tracing.Tracing;

/**
 * Places orders, once per Idempotency-Key: prices the lines from inventory, then records the key
 * and the order's first event in one transaction. A retry with the same key and body gets the
 * first order back; the same key with another body is refused.
 */
public final class OrderPlacement {

  private static final int RETRY_AFTER_SECONDS = 5;

  private final Pool pool;
  private final OrderEventStore store;
  private final Pricing pricing;
  private final Supplier<SagaMode> sagaMode;

  /** @param sagaMode how the saga of an order placed now runs (configuration that may change at runtime) */
  public OrderPlacement(Pool pool, OrderEventStore store, Pricing pricing, Supplier<SagaMode> sagaMode) {
    this.pool = pool;
    this.store = store;
    this.pricing = pricing;
    this.sagaMode = sagaMode;
  }

  /** The order placed under this key, and whether this call placed it. */
  public record Placed(UUID orderId, boolean isNew) {
  }

  public Future<Placed> place(String userId, String key, PlaceOrder request) {
    String fingerprint = request.fingerprint();
    return earlierOrder(pool, userId, key, fingerprint).compose(earlier -> earlier.isPresent()
        ? Future.succeededFuture(new Placed(earlier.get(), false))
        : price(request).compose(priced -> record(userId, key, fingerprint, request, priced)));
  }

  private Future<List<PricedLine>> price(PlaceOrder request) {
    return pricing.price(request.lines())
        .recover(unavailable -> Future.failedFuture(
            Problem.unavailable("Prices cannot be checked right now; try again shortly", RETRY_AFTER_SECONDS)))
        .compose(outcome -> {
          if (outcome.isRefused()) {
            return Future.failedFuture(new Problem(422, "Unprocessable Content", outcome.refusal(),
                List.of(new FieldError("items", outcome.refusal()))));
          }
          List<PricedLine> priced = outcome.value();
          if (priced.stream().map(PricedLine::getCurrency).distinct().count() > 1) {
            return Future.failedFuture(
                Problem.unprocessable("All products of an order must be priced in one currency"));
          }
          return Future.succeededFuture(priced);
        });
  }

  private Future<Placed> record(String userId, String key, String fingerprint, PlaceOrder request,
      List<PricedLine> priced) {
    UUID orderId = UUID.randomUUID();
    return pool.withTransaction(tx -> tx
        .preparedQuery("INSERT INTO idempotency_keys (user_id, key, request_hash, order_id) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT DO NOTHING")
        .execute(Tuple.of(UUID.fromString(userId), key, fingerprint, orderId))
        .compose(inserted -> {
          if (inserted.rowCount() == 0) {
            // A concurrent request with the same key won the race.
            return earlierOrder(tx, userId, key, fingerprint).map(earlier -> new Placed(earlier.orElseThrow(), false));
          }
          return store.append(tx, Order.replay(orderId, List.of()), OrderEvent.PLACED, placed(userId, request, priced))
              .map(new Placed(orderId, true));
        }));
  }

  private JsonObject placed(String userId, PlaceOrder request, List<PricedLine> priced) {
    JsonArray lines = new JsonArray();
    priced.forEach(line -> lines.add(line.toJson()));
    long total = priced.stream().mapToLong(line -> line.getUnitPriceMinor() * line.getQuantity()).sum();
    return new JsonObject()
        .put("userId", userId)
        .put("sagaMode", sagaMode.get().configValue())
        .put("lines", lines)
        .put("totalMinor", total)
        .put("currency", priced.get(0).getCurrency())
        .put("shippingAddress", request.shippingAddress())
        .put("traceContext", Tracing.current());
  }

  /** The order an earlier request with this key placed; a 422 problem if that request had another body. */
  private static Future<Optional<UUID>> earlierOrder(SqlClient client, String userId, String key,
      String fingerprint) {
    return client.preparedQuery("SELECT request_hash, order_id FROM idempotency_keys WHERE user_id = $1 AND key = $2")
        .execute(Tuple.of(UUID.fromString(userId), key))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row row = rows.iterator().next();
          if (!row.getString("request_hash").equals(fingerprint)) {
            return Future.failedFuture(Problem.unprocessable(
                "This Idempotency-Key was already used for a different request"));
          }
          return Future.succeededFuture(Optional.of(row.getUUID("order_id")));
        });
  }
}
