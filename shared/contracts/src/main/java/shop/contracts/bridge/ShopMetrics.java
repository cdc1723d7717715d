package shop.contracts.bridge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The shop's vital signs from its metrics, at a moment: orders finished a second by outcome, the
 * saga's latency (p50 and p99 in seconds; {@code null} before any order finished) and every circuit
 * breaker's state. When the metrics cannot be read, {@code available} is false and {@code reason} says why.
 */
public record ShopMetrics(Instant at, boolean available, String reason, List<OrderRate> ordersPerSecond,
    Double sagaP50Seconds, Double sagaP99Seconds, List<BreakerState> breakers) {

  /** Orders that finished with this status (and reason, for a cancellation) a second, over the last minute. */
  public record OrderRate(String status, String reason, double perSecond) {

    JsonObject toJson() {
      return new JsonObject().put("status", status).put("reason", reason).put("perSecond", perSecond);
    }
  }

  /** A breaker of an instance: {@code CLOSED}, {@code HALF_OPEN} or {@code OPEN}. */
  public record BreakerState(String service, String instance, String breaker, String state) {

    JsonObject toJson() {
      return new JsonObject().put("service", service).put("instance", instance).put("breaker", breaker)
          .put("state", state);
    }
  }

  public static ShopMetrics unavailable(Instant at, String reason) {
    return new ShopMetrics(at, false, reason, List.of(), null, null, List.of());
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("at", at.toString()).put("available", available);
    if (!available) {
      return json.put("reason", reason);
    }
    return json.put("ordersPerSecond", new JsonArray(ordersPerSecond.stream().map(OrderRate::toJson).toList()))
        .put("sagaSeconds", new JsonObject().put("p50", sagaP50Seconds).put("p99", sagaP99Seconds))
        .put("breakers", new JsonArray(breakers.stream().map(BreakerState::toJson).toList()));
  }
}
