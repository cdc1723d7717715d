package shop.inventory.stock;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.inventory.OrderLine;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;
import shop.platform.events.Outbox;

/**
 * inventory-service's part in the choreographed saga: it reserves the stock of a submitted order,
 * releases it when the order fails or is cancelled and commits it once shipped. Each reaction
 * passes the {@code order} on in its event. Events without an {@code order} (those of orchestrated
 * orders) and other event types are ignored.
 */
public final class StockSaga implements EventHandler {

  /** The consumer group, and the key its processed events are stored under. */
  public static final String CONSUMER = "inventory-service.saga";
  public static final List<String> TOPICS = List.of("orders", "payments", "shipping");

  private static final Set<String> REACTS_TO = Set.of("order.submitted", "payment.declined", "shipment.rejected",
      "order.cancel-requested", "shipment.created");

  private static final Logger log = LoggerFactory.getLogger(StockSaga.class);

  private final Reservations reservations;

  public StockSaga(Reservations reservations) {
    this.reservations = reservations;
  }

  /** Only the events of choreographed orders carry the order; order-service drives the others' sagas. */
  @Override
  public boolean wants(EventEnvelope event) {
    return REACTS_TO.contains(event.type()) && !context(event).isEmpty();
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    String orderId = event.aggregateId();
    JsonObject context = context(event);
    if (context.isEmpty()) {
      // Not a choreography event: the same events come from orchestrated orders, whose saga order-service drives.
      return Future.succeededFuture();
    }
    return switch (event.type()) {
      case "order.submitted" -> reserve(tx, orderId, context);
      case "payment.declined", "shipment.rejected", "order.cancel-requested" ->
          reservations.release(tx, orderId, context).mapEmpty();
      case "shipment.created" -> reservations.commit(tx, orderId, context).mapEmpty();
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> reserve(SqlConnection tx, String orderId, JsonObject context) {
    return reservations.reserve(tx, orderId, lines(context.getJsonObject("order")), context)
        .<Void>mapEmpty()
        .recover(e -> {
          if (!(e instanceof Refusal refusal)) {
            return Future.failedFuture(e);
          }
          JsonObject data = context.copy().put("orderId", orderId)
              .put("reason", refusal.reason().name()).put("detail", refusal.getMessage());
          return Outbox.append(tx, Reservations.TOPIC, EventEnvelope.of("stock.rejected", orderId, data));
        });
  }

  private static JsonObject context(EventEnvelope event) {
    Object order = event.data().getValue("order");
    return order instanceof JsonObject ? new JsonObject().put("order", order) : new JsonObject();
  }

  /** The order's lines; none if they are missing or malformed, which the reservation refuses. */
  private static List<OrderLine> lines(JsonObject order) {
    List<OrderLine> lines = new ArrayList<>();
    try {
      JsonArray array = order == null ? new JsonArray() : order.getJsonArray("lines", new JsonArray());
      array.forEach(line -> lines.add(new OrderLine((JsonObject) line)));
      return lines;
    } catch (RuntimeException e) {
      log.warn("order.submitted with malformed lines: {}", e.getMessage());
      return List.of();
    }
  }
}
