package shop.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway's request metrics, by outcome ({@code 2xx} to {@code 5xx}, or {@code no-answer}):
 * <ul>
 *   <li>{@code shop_gateway_requests_seconds{outcome}}: every answer the gateway gave under
 *       {@code /api/v1}, its own errors (401, 404, 429, ...) included (every one has a status, so
 *       {@code no-answer} stays at zero here);</li>
 *   <li>{@code shop_gateway_upstream_seconds{upstream, outcome}}: how each service answered the
 *       gateway; {@code no-answer} is no healthy instance, refused, reset, timed out or breaker open.</li>
 * </ul>
 * They stand in for Vert.x's generic HTTP metrics, which look their meters up in the registry on
 * every request: these are registered once, and a request costs a lookup in a small array.
 */
public final class GatewayTimers {

  private static final String[] OUTCOMES = {"no-answer", "1xx", "2xx", "3xx", "4xx", "5xx"};

  private final Timer[] requests;
  private final Map<String, Timer[]> upstreams;

  public GatewayTimers(MeterRegistry meters, Collection<String> services) {
    requests = byOutcome(meters, Timer.builder("shop.gateway.requests")
        .description("Time for the gateway to answer a request"));
    upstreams = services.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
        service -> byOutcome(meters, Timer.builder("shop.gateway.upstream")
            .description("Time for an upstream service to answer a request the gateway forwarded")
            .tag("upstream", service))));
  }

  /** Records an answer to a client that arrived at {@code startNanos}. */
  public void request(int status, long startNanos) {
    record(requests, status, startNanos);
  }

  /** Records a call to a service that started at {@code startNanos}; {@code status} 0 means there was no answer. */
  public void upstream(String service, int status, long startNanos) {
    record(upstreams.get(service), status, startNanos);
  }

  private static void record(Timer[] timers, int status, long startNanos) {
    int outcome = status >= 100 && status < 600 ? status / 100 : 0;
    timers[outcome].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  private static Timer[] byOutcome(MeterRegistry meters, Timer.Builder builder) {
    Timer[] timers = new Timer[OUTCOMES.length];
    for (int i = 0; i < OUTCOMES.length; i++) {
      timers[i] = builder.tag("outcome", OUTCOMES[i]).register(meters);
    }
    return timers;
  }
}
