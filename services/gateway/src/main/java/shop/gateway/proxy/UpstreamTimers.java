package shop.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How long each upstream service takes to answer the gateway, and how:
 * {@code shop_gateway_upstream_seconds{upstream, outcome}} with outcome {@code 2xx} to {@code 5xx},
 * or {@code no-answer} (no healthy instance, refused, reset, timed out, breaker open). The timers
 * are registered once, so a request costs a lookup in a small array, not in the meter registry.
 */
public final class UpstreamTimers {

  private static final String[] OUTCOMES = {"no-answer", "1xx", "2xx", "3xx", "4xx", "5xx"};

  private final Map<String, Timer[]> timers;

  public UpstreamTimers(MeterRegistry meters, Collection<String> services) {
    timers = services.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), service -> {
      Timer[] byOutcome = new Timer[OUTCOMES.length];
      for (int i = 0; i < OUTCOMES.length; i++) {
        byOutcome[i] = Timer.builder("shop.gateway.upstream")
            .description("Time for an upstream service to answer a request the gateway forwarded")
            .tag("upstream", service)
            .tag("outcome", OUTCOMES[i])
            .register(meters);
      }
      return byOutcome;
    }));
  }

  /** Records a call that started at {@code startNanos}; {@code status} 0 means there was no answer. */
  public void record(String service, int status, long startNanos) {
    int outcome = status >= 100 && status < 600 ? status / 100 : 0;
    timers.get(service)[outcome].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
