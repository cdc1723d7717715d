package shop.inventory.stock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import shop.contracts.events.EventType;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.Reservation;
import shop.inventory.stock.Refusal.Reason;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;

/**
 * The stock operations keyed by order id: reserve, release, commit. Each runs on the caller's
 * transaction, changes the units of its products and the reservation together, and appends its
 * event to the outbox in that same transaction; repeating an operation changes nothing and emits
 * nothing. The event-bus service and the choreography handler both run them, so both modes emit
 * the same events.
 *
 * <p>Each event's data is the caller's {@code context} (in the choreography, the {@code order}
 * being passed along) plus {@code orderId} and {@code lines}.
 */
public final class Reservations {

  private static final String TAKE = "UPDATE products SET stock = stock - $2, reserved = reserved + $2, "
      + "updated_at = now() WHERE id = $1 AND stock >= $2";
  private static final String RETURN_RESERVED = "UPDATE products SET stock = stock + $2, reserved = reserved - $2, "
      + "updated_at = now() WHERE id = $1";
  private static final String RETURN_SOLD = "UPDATE products SET stock = stock + $2, sold = sold - $2, "
      + "updated_at = now() WHERE id = $1";
  private static final String SELL_RESERVED = "UPDATE products SET reserved = reserved - $2, sold = sold + $2, "
      + "updated_at = now() WHERE id = $1";

  private final MeterRegistry meters;

  public Reservations(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * Reserves every line or none and emits {@code stock.reserved}. Fails with a {@link Refusal} when
   * a product is unknown or short, having stored nothing, so that the same request is refused again.
   * If the order already has a reservation, returns it as it is.
   */
  public Future<Reservation> reserve(SqlConnection tx, String orderId, List<OrderLine> requested, JsonObject context) {
    UUID order;
    List<StockLine> lines;
    try {
      order = Uuids.parse(orderId).orElseThrow(() -> new Refusal(Reason.INVALID_REQUEST, "No order " + orderId));
      lines = ReservationRules.normalize(requested);
    } catch (Refusal refusal) {
      return refused(refusal);
    }
    return claim(tx, order).compose(claimed -> !claimed
        ? status(tx, order).map(status -> new Reservation(orderId, status))
        : lockAvailable(tx, lines)
            .compose(available -> {
              ReservationRules.checkAvailable(lines, available);
              return take(tx, order, lines);
            })
            .compose(v -> Outbox.append(tx, event(EventType.STOCK_RESERVED, orderId, lines, context)))
            .map(v -> {
              count("reserved");
              return new Reservation(orderId, Reservation.RESERVED);
            })
            .recover(e -> e instanceof Refusal refusal
                ? unclaim(tx, order).compose(v -> refused(refusal))
                : Future.failedFuture(e)));
  }

  /**
   * Returns the order's units to stock and emits {@code stock.released}: reserved units, or sold
   * ones when a confirmed order is cancelled. If the order has no reservation, one is recorded as
   * already released: a reserve request still in flight (it timed out at the caller, who then
   * compensated) must not take stock for an order that was given up.
   */
  public Future<Reservation> release(SqlConnection tx, String orderId, JsonObject context) {
    return current(tx, orderId).compose(status -> switch (status) {
      case Reservation.RESERVED ->
          settle(tx, orderId, RETURN_RESERVED, Reservation.RELEASED, EventType.STOCK_RELEASED, context);
      case Reservation.COMMITTED ->
          settle(tx, orderId, RETURN_SOLD, Reservation.RELEASED, EventType.STOCK_RELEASED, context);
      case Reservation.NONE -> forbidLateReservation(tx, orderId).map(new Reservation(orderId, status));
      default -> Future.succeededFuture(new Reservation(orderId, status));
    });
  }

  private static Future<Void> forbidLateReservation(SqlConnection tx, String orderId) {
    return Uuids.parse(orderId)
        .map(order -> tx.preparedQuery("INSERT INTO reservations (order_id, status) VALUES ($1, 'RELEASED') "
                + "ON CONFLICT (order_id) DO NOTHING")
            .execute(Tuple.of(order)).<Void>mapEmpty())
        .orElse(Future.succeededFuture());
  }

  /** Turns the order's reserved units into sold ones and emits {@code stock.committed}; only a reservation can be. */
  public Future<Reservation> commit(SqlConnection tx, String orderId, JsonObject context) {
    return current(tx, orderId).compose(status -> Reservation.RESERVED.equals(status)
        ? settle(tx, orderId, SELL_RESERVED, Reservation.COMMITTED, EventType.STOCK_COMMITTED, context)
        : Future.succeededFuture(new Reservation(orderId, status)));
  }

  /**
   * Stores the reservation before anything else: a concurrent request for the same order waits on
   * this row, then finds it and changes nothing. False if the order already has one.
   */
  private static Future<Boolean> claim(SqlConnection tx, UUID order) {
    return tx.preparedQuery("INSERT INTO reservations (order_id, status) VALUES ($1, 'RESERVED') "
            + "ON CONFLICT (order_id) DO NOTHING")
        .execute(Tuple.of(order))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Future<Void> unclaim(SqlConnection tx, UUID order) {
    return tx.preparedQuery("DELETE FROM reservations WHERE order_id = $1").execute(Tuple.of(order)).mapEmpty();
  }

  /** Locks the rows of the products (in lock order) and reads their available units; unknown products are absent. */
  private static Future<Map<UUID, Integer>> lockAvailable(SqlConnection tx, List<StockLine> lines) {
    UUID[] ids = lines.stream().map(StockLine::productId).toArray(UUID[]::new);
    return tx.preparedQuery("SELECT id, stock FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
        .execute(Tuple.of(ids))
        .map(rows -> {
          Map<UUID, Integer> available = new HashMap<>();
          rows.forEach(row -> available.put(row.getUUID("id"), row.getInteger("stock")));
          return available;
        });
  }

  /** Moves the units from stock to reserved; each update only applies if the units are there. */
  private static Future<Void> take(SqlConnection tx, UUID order, List<StockLine> lines) {
    return tx.preparedQuery(TAKE).executeBatch(tuples(lines))
        .compose(updated -> {
          for (RowSet<Row> result = updated; result != null; result = result.next()) {
            if (result.rowCount() != 1) {
              // The rows are locked and were checked, so this means a bug: fail and roll back.
              return Future.failedFuture(new IllegalStateException("stock changed under a lock"));
            }
          }
          return tx.preparedQuery("INSERT INTO reservation_lines (order_id, product_id, quantity) "
                  + "VALUES ($1, $2, $3)")
              .executeBatch(lines.stream().map(line -> Tuple.of(order, line.productId(), line.quantity())).toList());
        })
        .mapEmpty();
  }

  /** Applies {@code unitsUpdate} to each line of a reservation, moves it to {@code newStatus} and emits the event. */
  private static Future<Reservation> settle(SqlConnection tx, String orderId, String unitsUpdate, String newStatus,
      EventType eventType, JsonObject context) {
    UUID order = UUID.fromString(orderId);
    return tx.preparedQuery("SELECT product_id, quantity FROM reservation_lines WHERE order_id = $1 "
            + "ORDER BY product_id")
        .execute(Tuple.of(order))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
            .map(row -> new StockLine(row.getUUID("product_id"), row.getInteger("quantity")))
            .toList())
        .compose(lines -> tx.preparedQuery(unitsUpdate).executeBatch(tuples(lines))
            .compose(v -> tx.preparedQuery("UPDATE reservations SET status = $2, updated_at = now() "
                    + "WHERE order_id = $1")
                .execute(Tuple.of(order, newStatus)))
            .compose(v -> Outbox.append(tx, event(eventType, orderId, lines, context))))
        .map(v -> new Reservation(orderId, newStatus));
  }

  /** The order's reservation status, locked until the transaction ends; {@code NONE} if it has none. */
  private static Future<String> current(SqlConnection tx, String orderId) {
    return Uuids.parse(orderId)
        .map(order -> tx.preparedQuery("SELECT status FROM reservations WHERE order_id = $1 FOR UPDATE")
            .execute(Tuple.of(order))
            .map(rows -> rows.size() == 0 ? Reservation.NONE : rows.iterator().next().getString("status")))
        .orElse(Future.succeededFuture(Reservation.NONE));
  }

  private static Future<String> status(SqlConnection tx, UUID order) {
    return tx.preparedQuery("SELECT status FROM reservations WHERE order_id = $1")
        .execute(Tuple.of(order))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  private <T> Future<T> refused(Refusal refusal) {
    count(refusal.reason().name().toLowerCase());
    return Future.failedFuture(refusal);
  }

  private void count(String outcome) {
    Counter.builder("inventory.reservations")
        .description("Reservation requests decided, by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static List<Tuple> tuples(List<StockLine> lines) {
    return lines.stream().map(line -> Tuple.of(line.productId(), line.quantity())).toList();
  }

  private static EventEnvelope event(EventType type, String orderId, List<StockLine> lines, JsonObject context) {
    JsonObject data = context.copy().put("orderId", orderId).put("lines", StockLine.toJson(lines));
    return EventEnvelope.of(type, orderId, data);
  }
}
