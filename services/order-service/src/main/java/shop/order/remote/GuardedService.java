package shop.order.remote;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;

/**
 * Another service's event-bus proxy behind its circuit breaker (which also times calls out). A call
 * is made only while service discovery knows a passing instance of the service; otherwise it fails
 * at once, rather than after the breaker's timeout. A refusal the service decided, a 4xx
 * {@code ServiceException}, is an answer: it is an {@link Outcome} and does not count against the
 * breaker. Anything else (no instance, no handler, timeout, open breaker) fails the future and counts.
 */
public final class GuardedService<S> {

  /** Whether the service has an instance that passes its checks, as service discovery sees it now. */
  @FunctionalInterface
  public interface Presence {
    Future<Boolean> anyPassing();
  }

  private final S service;
  private final String name;
  private final CircuitBreaker breaker;
  private final Presence presence;

  public GuardedService(S service, String name, CircuitBreaker breaker, Presence presence) {
    this.service = service;
    this.name = name;
    this.breaker = breaker;
    this.presence = presence;
  }

  /** Asks the service for a decision: done, or refused for a reason of its own. */
  public <T> Future<Outcome<T>> outcomeOf(Function<S, Future<T>> call) {
    return breaker.execute(() -> whenPresent(call).map(Outcome::done).recover(e ->
        e instanceof ReplyException reply && isRefusal(reply)
            ? Future.succeededFuture(Outcome.<T>refused(reply.failureCode(), reply.getMessage()))
            : Future.failedFuture(e)));
  }

  /** Calls the service for something it does not refuse (undoing, selling, shipping): every failure counts. */
  public <T> Future<T> call(Function<S, Future<T>> call) {
    return breaker.execute(() -> whenPresent(call));
  }

  private <T> Future<T> whenPresent(Function<S, Future<T>> call) {
    return presence.anyPassing().compose(present -> present ? call.apply(service) : Future.failedFuture(
        new ReplyException(ReplyFailure.NO_HANDLERS, "no instance of " + name + " passes its checks in Consul")));
  }

  /** The service's own 4xx answer: the request was understood and refused. */
  private static boolean isRefusal(ReplyException reply) {
    return reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() >= 400 && reply.failureCode() < 500;
  }
}
