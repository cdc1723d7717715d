package shop.inventory.stock;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.contracts.events.EventType;
import shop.contracts.events.Topic;
import shop.platform.events.choreography.ChoreographyParticipant;
import shop.platform.events.choreography.SagaEvent;

/**
 * inventory-service's part in the choreographed saga: it reserves the stock of a submitted order,
 * releases it when the order fails or is cancelled and commits it once shipped. Each reaction
 * passes the {@code order} on in its event.
 */
public final class StockSaga extends ChoreographyParticipant {

  /** The consumer group, and the key its processed events are stored under. */
  public static final String CONSUMER = "inventory-service.saga";

  private enum Reaction { RESERVE, RELEASE, COMMIT }

  private static final Map<EventType, Reaction> REACTIONS = Map.of(
      EventType.ORDER_SUBMITTED, Reaction.RESERVE,
      EventType.PAYMENT_DECLINED, Reaction.RELEASE,
      EventType.SHIPMENT_REJECTED, Reaction.RELEASE,
      EventType.ORDER_CANCEL_REQUESTED, Reaction.RELEASE,
      EventType.SHIPMENT_CREATED, Reaction.COMMIT);

  public static final Set<EventType> REACTS_TO = REACTIONS.keySet();
  /** The topics whose events this reacts to. */
  public static final List<String> TOPICS = Topic.namesOf(REACTS_TO);

  private final Reservations reservations;

  public StockSaga(Reservations reservations) {
    super(REACTS_TO);
    this.reservations = reservations;
  }

  @Override
  protected Future<Void> react(SqlConnection tx, SagaEvent event) {
    String orderId = event.envelope().aggregateId();
    JsonObject context = new JsonObject().put("order", event.orderJson());
    return switch (REACTIONS.get(event.type())) {
      case RESERVE -> reserve(tx, event, orderId, context);
      case RELEASE -> reservations.release(tx, orderId, context).mapEmpty();
      case COMMIT -> reservations.commit(tx, orderId, context).mapEmpty();
    };
  }

  /** Reserves the order's lines, or answers {@code stock.rejected} with the reason they cannot be. */
  private Future<Void> reserve(SqlConnection tx, SagaEvent event, String orderId, JsonObject context) {
    return reservations.reserve(tx, orderId, event.order().lines(), context)
        .<Void>mapEmpty()
        .recover(e -> e instanceof Refusal refusal
            ? event.answer(tx, EventType.STOCK_REJECTED, new JsonObject().put("orderId", orderId)
                .put("reason", refusal.reason().name()).put("detail", refusal.getMessage()))
            : Future.failedFuture(e));
  }
}
