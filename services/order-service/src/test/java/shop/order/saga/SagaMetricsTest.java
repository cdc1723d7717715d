package shop.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import shop.order.domain.CancelReason;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderStream;
import shop.order.domain.SagaMode;

class SagaMetricsTest {

  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final SagaMetrics metrics = new SagaMetrics(meters);

  @Test
  void aConfirmedOrderTheCustomerCancelsLaterIsCountedOnceAsFinished() {
    OrderStream stream = OrderStream.placed(SagaMode.ORCHESTRATION).then(OrderEvent.CONFIRMED);
    metrics.finished(stream.order());
    metrics.finished(stream
        .then(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.CANCELLED_BY_CUSTOMER))
        .then(OrderEvent.CANCELLED)
        .order());

    assertThat(finishedOrders()).isEqualTo(1);
    assertThat(finished("CONFIRMED", "none")).isEqualTo(1);
    assertThat(meters.get("order.saga.duration").timer().count()).isEqualTo(1);
    assertThat(meters.get("orders.cancelled.after.confirmation").counter().count()).isEqualTo(1);
  }

  @Test
  void anOrderCancelledBeforeItWasConfirmedIsCountedOnceWithItsReason() {
    metrics.finished(OrderStream.placed(SagaMode.CHOREOGRAPHY)
        .then(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.OUT_OF_STOCK))
        .then(OrderEvent.CANCELLED)
        .order());

    assertThat(finishedOrders()).isEqualTo(1);
    assertThat(finished("CANCELLED", CancelReason.OUT_OF_STOCK)).isEqualTo(1);
  }

  private double finishedOrders() {
    return meters.find("orders.finished").counters().stream().mapToDouble(Counter::count).sum();
  }

  private double finished(String status, String reason) {
    return meters.get("orders.finished").tag("status", status).tag("reason", reason).counter().count();
  }
}
