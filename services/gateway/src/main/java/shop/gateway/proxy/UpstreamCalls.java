package shop.gateway.proxy;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import shop.gateway.proxy.Forwarder.Reply;
import shop.gateway.routing.Discovery;
import shop.gateway.routing.Instance;
import shop.gateway.routing.ServiceInstances;
import shop.platform.http.Problem;

/**
 * Calls a healthy instance of an upstream service behind the service's circuit breaker. The breaker
 * counts only what shows the service itself is unwell: no connection, a reset, a timeout, or a 502,
 * 503 or 504 answer. Any answer, whatever its status, goes back to the client as the service sent it;
 * a 4xx or a 500 caused by one request's content says nothing about the service's health.
 */
public final class UpstreamCalls {

  private static final int NO_INSTANCE_RETRY_AFTER_SECONDS = 2;

  private final Discovery discovery;
  private final Map<String, CircuitBreaker> breakers;
  private final GatewayTimers timers;
  private final int retryAfterSeconds;

  /** @param retryAfterSeconds what a 503 tells the client to wait: the breakers' reset timeout */
  public UpstreamCalls(Discovery discovery, Map<String, CircuitBreaker> breakers, GatewayTimers timers,
      int retryAfterSeconds) {
    this.discovery = discovery;
    this.breakers = breakers;
    this.timers = timers;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** An answer that counts against the breaker but is still the client's to see. */
  private static final class UnhealthyAnswer extends RuntimeException {
    private final transient Reply reply;

    UnhealthyAnswer(Reply reply) {
      super("answered " + reply.status(), null, false, false);
      this.reply = reply;
    }
  }

  /** The upstream's answer, or a 503 {@link Problem} when there is none to give. */
  public Future<Reply> call(RoutingContext ctx, String service, Forwarder forwarder) {
    ServiceInstances instances = discovery.instances(service);
    Optional<Instance> first = instances.next(null, System.currentTimeMillis());
    if (first.isEmpty()) {
      timers.upstream(service, 0, System.nanoTime());
      return Future.failedFuture(
          Problem.unavailable(service + " has no healthy instance", NO_INSTANCE_RETRY_AFTER_SECONDS));
    }
    MultiMap headers = Forwarder.upstreamHeaders(ctx.request(), ctx.get(RequestIds.REQUEST_ID),
        ctx.get(RequestSpans.TRACEPARENT));
    Buffer body = ctx.body().buffer();
    HttpMethod method = ctx.request().method();
    String uri = ctx.request().uri();
    long start = System.nanoTime();
    return breakers.get(service).<Reply>execute(() -> forwarder.send(first.get(), method, uri, headers, body)
            .recover(failure -> retryElsewhere(forwarder, instances, first.get(), failure, method, uri, headers, body))
            .compose(reply -> isUnhealthy(reply.status())
                ? Future.failedFuture(new UnhealthyAnswer(reply)) : Future.succeededFuture(reply)))
        .transform(result -> {
          if (result.succeeded()) {
            timers.upstream(service, result.result().status(), start);
            return Future.succeededFuture(result.result());
          }
          if (result.cause() instanceof UnhealthyAnswer unhealthy) {
            timers.upstream(service, unhealthy.reply.status(), start);
            return Future.succeededFuture(unhealthy.reply);
          }
          timers.upstream(service, 0, start);
          return Future.failedFuture(unavailable(service, result.cause()));
        });
  }

  private static boolean isUnhealthy(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  /**
   * A request that failed before any answer (the instance died or refused the connection) is sent
   * once more to another instance, if it is safe to repeat; a refusing instance is ejected for a while.
   */
  private Future<Reply> retryElsewhere(Forwarder forwarder, ServiceInstances instances, Instance failed,
      Throwable failure, HttpMethod method, String uri, MultiMap headers, Buffer body) {
    long now = System.currentTimeMillis();
    if (failure instanceof ConnectException) {
      instances.eject(failed, now);
    }
    if (!(method == HttpMethod.GET || method == HttpMethod.HEAD) || failure instanceof TimeoutException) {
      return Future.failedFuture(failure);
    }
    return instances.next(failed, now)
        .map(other -> forwarder.send(other, method, uri, headers, body))
        .orElseGet(() -> Future.failedFuture(failure));
  }

  private Problem unavailable(String service, Throwable failure) {
    if (failure instanceof OpenCircuitException) {
      return Problem.unavailable(service + " is unavailable (circuit breaker open)", retryAfterSeconds);
    }
    if (failure instanceof TimeoutException) {
      return Problem.unavailable(service + " did not answer in time", retryAfterSeconds);
    }
    return Problem.unavailable(service + " could not be reached", retryAfterSeconds);
  }
}
