package shop.platform.resilience;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.bridge.BreakerStateChange;
import shop.contracts.bridge.PublicBus;
import shop.platform.config.ServiceConfig;

/**
 * Circuit breakers for calls to other services, configured by {@code breaker.*} keys, logged and
 * published on {@link PublicBus#BREAKERS} when they change state, and exported as
 * {@code shop_breaker_state} (0 closed, 1 half-open, 2 open).
 */
public final class Breakers {

  private static final Logger log = LoggerFactory.getLogger(Breakers.class);

  private Breakers() {
  }

  /** A breaker that fails a call after {@code timeoutMs} (none if negative). */
  public static CircuitBreaker create(Vertx vertx, String service, String instance, String name,
      ServiceConfig config, MeterRegistry meters, long timeoutMs) {
    CircuitBreaker breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
        .setMaxFailures(config.getInt("breaker.max-failures"))
        .setTimeout(timeoutMs)
        .setResetTimeout(config.getLong("breaker.reset-timeout-ms"))
        .setFallbackOnFailure(false));
    Consumer<CircuitBreakerState> announce = state -> vertx.eventBus().publish(PublicBus.BREAKERS,
        new BreakerStateChange(service, instance, name, state.name(), Instant.now()).toJson());
    breaker.openHandler(v -> {
      log.warn("circuit breaker {} opened", name);
      announce.accept(CircuitBreakerState.OPEN);
    }).halfOpenHandler(v -> {
      log.info("circuit breaker {} half-open", name);
      announce.accept(CircuitBreakerState.HALF_OPEN);
    }).closeHandler(v -> {
      log.info("circuit breaker {} closed", name);
      announce.accept(CircuitBreakerState.CLOSED);
    });
    Gauge.builder("shop.breaker.state", breaker, b -> stateValue(b.state()))
        .tag("breaker", name)
        .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
        .register(meters);
    return breaker;
  }

  private static double stateValue(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }
}
