package shop.platform.events.choreography;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.events.EventType;
import shop.contracts.events.OrderSnapshot;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;

/**
 * An event of a choreographed order, as a participant reacts to it: the envelope, its type, and the
 * order it carries, both read ({@link #order()}) and as it came ({@link #orderJson()}), to be passed
 * on unchanged in every event the reaction writes.
 */
public final class SagaEvent {

  /** The {@code reason} of a participant's refusal of an order it cannot act on. */
  public static final String INVALID_ORDER = "INVALID_ORDER";

  private static final String ORDER = "order";
  private static final Logger log = LoggerFactory.getLogger(SagaEvent.class);

  private final EventEnvelope envelope;
  private final EventType type;
  private final JsonObject orderJson;
  private final OrderSnapshot order;

  SagaEvent(EventEnvelope envelope, EventType type) {
    this.envelope = envelope;
    this.type = type;
    this.orderJson = envelope.data().getJsonObject(ORDER);
    this.order = OrderSnapshot.fromJson(orderJson);
  }

  /** Whether the event carries an order: those of choreographed orders do. */
  static boolean carriesOrder(EventEnvelope event) {
    return event.data().getValue(ORDER) instanceof JsonObject;
  }

  public EventEnvelope envelope() {
    return envelope;
  }

  public EventType type() {
    return type;
  }

  public OrderSnapshot order() {
    return order;
  }

  /** The order as it came, to pass on. */
  public JsonObject orderJson() {
    return orderJson;
  }

  /** The id of the order: the one its snapshot names, else the one the event is keyed by. */
  public String orderId() {
    return order.orderId() != null ? order.orderId() : envelope.aggregateId();
  }

  /**
   * Runs the reaction with the id of the order the event is keyed by. An event keyed by something
   * else is logged and ignored: no retry could apply it.
   */
  public Future<Void> withOrderKey(Function<UUID, Future<Void>> reaction) {
    Optional<UUID> orderId = Uuids.parse(envelope.aggregateId());
    if (orderId.isEmpty()) {
      log.warn("ignoring event {} ({}): its aggregate id is not an order id", envelope.id(), envelope.type());
      return Future.succeededFuture();
    }
    return reaction.apply(orderId.get());
  }

  /** Answers, in the reaction's transaction, with an event of that type: the order passed on, then the fields. */
  public Future<Void> answer(SqlConnection transaction, EventType answerType, JsonObject fields) {
    return Outbox.append(transaction, answerWith(answerType, fields));
  }

  /**
   * Refuses an order the participant cannot act on (the problem is logged) with an event of that type,
   * rather than skipping it, so that the saga still ends: the order passed on, {@code idField} (the id
   * of what was not made, such as {@code paymentId}) null, {@code orderId}, and reason {@value #INVALID_ORDER}.
   */
  public Future<Void> refuse(SqlConnection transaction, EventType refusalType, String idField, String problem) {
    log.warn("refusing the order of event {} ({}) with {}: {}", envelope.id(), envelope.type(), refusalType.typeName(),
        problem);
    return Outbox.append(transaction, refusalWith(refusalType, idField));
  }

  EventEnvelope answerWith(EventType answerType, JsonObject fields) {
    return EventEnvelope.of(answerType, envelope.aggregateId(), new JsonObject().put(ORDER, orderJson).mergeIn(fields));
  }

  EventEnvelope refusalWith(EventType refusalType, String idField) {
    return answerWith(refusalType, new JsonObject().putNull(idField).put("orderId", orderId())
        .put("reason", INVALID_ORDER));
  }
}
