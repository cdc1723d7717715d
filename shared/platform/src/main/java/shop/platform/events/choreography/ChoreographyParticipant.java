package shop.platform.events.choreography;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.Optional;
import java.util.Set;
import shop.contracts.events.EventType;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;

/**
 * A service's part in the choreographed order saga. It reacts to the event types it names, and
 * only to the events of choreographed orders: those carry the order's snapshot as {@code order}
 * (an orchestrated order's events carry none, and order-service drives that saga). Each reaction
 * runs in the consumer's transaction, so what it writes and the event it answers with take effect
 * together with the event's processing, once.
 */
public abstract class ChoreographyParticipant implements EventHandler {

  private final Set<EventType> reactsTo;

  /** @param reactsTo the event types it reacts to: the {@code REACTS_TO} of the subclass */
  protected ChoreographyParticipant(Set<EventType> reactsTo) {
    this.reactsTo = Set.copyOf(reactsTo);
  }

  @Override
  public final boolean wants(EventEnvelope event) {
    return typeOf(event).isPresent() && SagaEvent.carriesOrder(event);
  }

  @Override
  public final Future<Void> handle(SqlConnection transaction, EventEnvelope event) {
    return react(transaction, new SagaEvent(event, typeOf(event).orElseThrow()));
  }

  /** Reacts to an event it wants, in the consumer's transaction. */
  protected abstract Future<Void> react(SqlConnection transaction, SagaEvent event);

  private Optional<EventType> typeOf(EventEnvelope event) {
    return reactsTo.stream().filter(event::is).findFirst();
  }
}
