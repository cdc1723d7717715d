package shop.contracts.bridge;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A circuit breaker of an instance changed state ({@code OPEN}, {@code HALF_OPEN}, {@code CLOSED}). */
public record BreakerStateChange(String service, String instance, String breaker, String state, Instant at) {

  public JsonObject toJson() {
    return new JsonObject().put("service", service).put("instance", instance).put("breaker", breaker)
        .put("state", state).put("at", at.toString());
  }
}
