package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamTimersTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final UpstreamTimers timers = new UpstreamTimers(meters, List.of("inventory-service", "user-service"));

  @Test
  void countsEachCallUnderItsUpstreamAndOutcome() {
    long start = System.nanoTime();
    timers.record("inventory-service", 200, start);
    timers.record("inventory-service", 204, start);
    timers.record("inventory-service", 503, start);
    timers.record("user-service", 0, start);

    assertThat(count("inventory-service", "2xx")).isEqualTo(2);
    assertThat(count("inventory-service", "5xx")).isEqualTo(1);
    assertThat(count("inventory-service", "no-answer")).isZero();
    assertThat(count("user-service", "no-answer")).isEqualTo(1);
    assertThat(meters.get("shop.gateway.upstream").tag("upstream", "inventory-service").tag("outcome", "2xx")
        .timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
  }

  private long count(String upstream, String outcome) {
    return meters.get("shop.gateway.upstream").tag("upstream", upstream).tag("outcome", outcome).timer().count();
  }
}
