package shop.order.saga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import shop.order.domain.Order;

/** Orders by outcome, how long sagas take end to end, and how long each step's call takes. */
public final class SagaMetrics {

  private final MeterRegistry meters;

  public SagaMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Times a participant call under {@code order_saga_step_seconds{step, result}}. */
  public <T> Future<T> timeStep(String step, Future<T> call) {
    long start = System.nanoTime();
    return call.onComplete(result -> Timer.builder("order.saga.step")
        .description("Latency of each saga step's call to its participant")
        .tag("step", step)
        .tag("result", result.succeeded() ? "answered" : "unavailable")
        .register(meters)
        .record(Duration.ofNanos(System.nanoTime() - start)));
  }

  /** Counts a finished order by status and reason, and records its saga's duration. */
  public void finished(Order order) {
    String outcome = order.status().name();
    String reason = order.failureReason() == null ? "none" : order.failureReason();
    Counter.builder("orders.finished")
        .description("Orders that reached a final status, by status and reason")
        .tag("status", outcome)
        .tag("reason", reason)
        .register(meters)
        .increment();
    Timer.builder("order.saga.duration")
        .description("Time from placing an order to its final status")
        .tag("status", outcome)
        .register(meters)
        .record(Duration.between(order.createdAt(), Instant.now()));
  }
}
