package shop.order.saga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import shop.order.domain.Order;
import shop.order.domain.OrderStatus;

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

  /**
   * Counts an order once, by the outcome its saga first settled on (CONFIRMED, or CANCELLED and
   * why), and records how long that took. A confirmed order that its customer cancels later was
   * counted when it was confirmed: its cancellation is counted apart.
   */
  public void finished(Order order) {
    if (order.status() == OrderStatus.CANCELLED && order.wasConfirmed()) {
      Counter.builder("orders.cancelled.after.confirmation")
          .description("Confirmed orders their customer cancelled afterwards (counted as CONFIRMED in orders.finished)")
          .register(meters)
          .increment();
      return;
    }
    String outcome = order.status().name();
    String reason = order.failureReason() == null ? "none" : order.failureReason();
    Counter.builder("orders.finished")
        .description("Orders whose saga settled, once each, by status and reason")
        .tag("status", outcome)
        .tag("reason", reason)
        .register(meters)
        .increment();
    Timer.builder("order.saga.duration")
        .description("Time from placing an order to its saga settling on CONFIRMED or CANCELLED")
        .tag("status", outcome)
        // Buckets, so that Prometheus can tell the saga's percentiles across instances (saga p99).
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofMinutes(2))
        .register(meters)
        .record(Duration.between(order.createdAt(), Instant.now()));
  }
}
