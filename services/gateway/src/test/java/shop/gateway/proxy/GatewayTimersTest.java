package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayTimersTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GatewayTimers timers = new GatewayTimers(meters, List.of("inventory-service", "user-service"));

  @Test
  void countsEachUpstreamCallUnderItsUpstreamAndOutcome() {
    long start = System.nanoTime();
    timers.upstream("inventory-service", 200, start);
    timers.upstream("inventory-service", 204, start);
    timers.upstream("inventory-service", 503, start);
    timers.upstream("user-service", 0, start);

    assertThat(upstreamCalls("inventory-service", "2xx")).isEqualTo(2);
    assertThat(upstreamCalls("inventory-service", "5xx")).isEqualTo(1);
    assertThat(upstreamCalls("inventory-service", "no-answer")).isZero();
    assertThat(upstreamCalls("user-service", "no-answer")).isEqualTo(1);
    assertThat(upstreamCalls("user-service", "2xx")).isZero();
    assertThat(meters.get("shop.gateway.upstream").tag("upstream", "inventory-service").tag("outcome", "2xx")
        .timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  void countsEachAnswerToAClientUnderItsOutcome() {
    long start = System.nanoTime();
    timers.request(200, start);
    timers.request(401, start);
    timers.request(429, start);

    assertThat(meters.get("shop.gateway.requests").tag("outcome", "2xx").timer().count()).isEqualTo(1);
    assertThat(meters.get("shop.gateway.requests").tag("outcome", "4xx").timer().count()).isEqualTo(2);
    assertThat(meters.get("shop.gateway.requests").tag("outcome", "5xx").timer().count()).isZero();
  }

  private long upstreamCalls(String upstream, String outcome) {
    return meters.get("shop.gateway.upstream").tag("upstream", upstream).tag("outcome", outcome).timer().count();
  }
}
