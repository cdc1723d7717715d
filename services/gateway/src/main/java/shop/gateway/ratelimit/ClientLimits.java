package shop.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.auth.User;
import java.util.Optional;
import shop.platform.http.Problem;

/**
 * What each client of the gateway is held to, on its own: a request rate ({@code ratelimit.*}) and a
 * budget of requests that broke a service ({@code ratelimit.server-errors.*}). A client whose requests
 * keep ending in 500 is turned away with 429 until its budget refills, while every other client goes on.
 */
public final class ClientLimits {

  private final RateLimiter requests;
  private final RateLimiter serverErrors;

  public ClientLimits(RateLimiter requests, RateLimiter serverErrors) {
    this.requests = requests;
    this.serverErrors = serverErrors;
  }

  /** The client a request counts against: its token's subject, else its address. */
  public static String clientOf(HttpServerRequest request, User caller) {
    return caller != null ? "user:" + caller.subject() : "address:" + request.remoteAddress().hostAddress();
  }

  /** A 429 problem if the client may not send a request now; takes one from its request rate otherwise. */
  public Optional<Problem> admit(String client, long nowNanos) {
    long errorWait = serverErrors.waitNanos(client, nowNanos);
    if (errorWait > 0) {
      return Optional.of(Problem.tooManyRequests("Too many of this client's recent requests failed in a service ("
          + serverErrors.limit().burst() + " at most, then " + serverErrors.limit().perSecond() + " per second)",
          seconds(errorWait)));
    }
    long wait = requests.tryAcquire(client, nowNanos);
    if (wait > 0) {
      return Optional.of(Problem.tooManyRequests("Rate limit exceeded: " + requests.limit().burst()
          + " requests at once, then " + requests.limit().perSecond() + " per second", seconds(wait)));
    }
    return Optional.empty();
  }

  /** Counts the status a client's request ended with: a 500 spends from its server-error budget. */
  public void answered(String client, int status, long nowNanos) {
    if (status == 500) {
      serverErrors.tryAcquire(client, nowNanos);
    }
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
