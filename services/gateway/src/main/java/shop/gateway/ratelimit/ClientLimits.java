package shop.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.auth.User;
import java.util.Map;
import java.util.Optional;
import shop.platform.http.Problem;

/**
 * What each client of the gateway is held to, on its own: a request rate ({@code ratelimit.*}), a
 * tighter rate for costly operations such as those that hash a password
 * ({@code ratelimit.<name>.*}, named by the operation's {@code x-rate-limit} in the contract), and a
 * budget of requests that broke a service ({@code ratelimit.server-errors.*}). A client over any of
 * them is turned away with 429 while every other client goes on.
 */
public final class ClientLimits {

  private final RateLimiter requests;
  private final Map<String, RateLimiter> operations;
  private final RateLimiter serverErrors;

  public ClientLimits(RateLimiter requests, Map<String, RateLimiter> operations, RateLimiter serverErrors) {
    this.requests = requests;
    this.operations = Map.copyOf(operations);
    this.serverErrors = serverErrors;
  }

  /** The client a request counts against: its token's subject, else its address. */
  public static String clientOf(HttpServerRequest request, User caller) {
    return caller != null ? "user:" + caller.subject() : "address:" + request.remoteAddress().hostAddress();
  }

  /**
   * A 429 problem if the client may not send a request (of the operation's own rate limit, if any)
   * now; otherwise empty, and the request is counted.
   */
  public Optional<Problem> admit(String client, Optional<String> operationLimit, long nowNanos) {
    long errorWait = serverErrors.waitNanos(client, nowNanos);
    if (errorWait > 0) {
      return Optional.of(Problem.tooManyRequests("Too many of this client's recent requests failed in a service ("
          + describe(serverErrors) + ")", seconds(errorWait)));
    }
    RateLimiter operation = operationLimit.map(operations::get).orElse(null);
    if (operation != null) {
      long wait = operation.tryAcquire(client, nowNanos);
      if (wait > 0) {
        return Optional.of(Problem.tooManyRequests("Rate limit of " + operationLimit.get() + " exceeded: "
            + describe(operation), seconds(wait)));
      }
    }
    long wait = requests.tryAcquire(client, nowNanos);
    if (wait > 0) {
      return Optional.of(Problem.tooManyRequests("Rate limit exceeded: " + describe(requests), seconds(wait)));
    }
    return Optional.empty();
  }

  /** Counts the status a client's request ended with: a 500 spends from its server-error budget. */
  public void answered(String client, int status, long nowNanos) {
    if (status == 500) {
      serverErrors.tryAcquire(client, nowNanos);
    }
  }

  private static String describe(RateLimiter limiter) {
    return limiter.limit().burst() + " at once, then " + limiter.limit().perSecond() + " per second";
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
