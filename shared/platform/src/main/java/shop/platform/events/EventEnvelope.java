package shop.platform.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import shop.contracts.events.EventType;
import shop.platform.tracing.Tracing;

/**
 * Every domain event, on Kafka and on the event bus: a unique id (what consumers deduplicate on),
 * its type ({@code order.created}, the name of an {@link EventType}), the schema version of
 * {@code data}, the aggregate it belongs to (also the Kafka key, so one aggregate's events stay in
 * order), when it happened, the trace context of the request that caused it, and the payload.
 */
public record EventEnvelope(UUID id, String type, int schemaVersion, String aggregateId, Instant occurredAt,
                            JsonObject traceContext, JsonObject data) {

  /** A new event of that type, at the type's schema version, in the trace of the work that produces it. */
  public static EventEnvelope of(EventType type, String aggregateId, JsonObject data) {
    return new EventEnvelope(UUID.randomUUID(), type.typeName(), type.schemaVersion(), aggregateId, Instant.now(),
        Tracing.current(), data);
  }

  /** Whether the event is of that type. */
  public boolean is(EventType type) {
    return type.typeName().equals(this.type);
  }

  /** The same event in another trace: that of the request that started what the event records. */
  public EventEnvelope inTrace(JsonObject traceContext) {
    return new EventEnvelope(id, type, schemaVersion, aggregateId, occurredAt, traceContext.copy(), data);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("type", type)
        .put("schemaVersion", schemaVersion)
        .put("aggregateId", aggregateId)
        .put("occurredAt", occurredAt.toString())
        .put("traceContext", traceContext)
        .put("data", data);
  }

  /** Parses an envelope; {@link IllegalArgumentException} if a required field is missing or malformed. */
  public static EventEnvelope fromJson(JsonObject json) {
    try {
      return new EventEnvelope(
          UUID.fromString(json.getString("id")),
          require(json.getString("type"), "type"),
          json.getInteger("schemaVersion", 1),
          require(json.getString("aggregateId"), "aggregateId"),
          Instant.parse(json.getString("occurredAt")),
          json.getJsonObject("traceContext", new JsonObject()),
          json.getJsonObject("data", new JsonObject()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
    }
  }

  private static String require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }
}
