package shop.order.remote;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Another service's event-bus proxy, found through service discovery, behind its circuit breaker
 * (which also times calls out). Each call looks the service up first: while Consul has no passing
 * instance of it the call fails at once ({@code NO_HANDLERS}), rather than after the breaker's
 * timeout. A refusal the service decided, a 4xx {@code ServiceException}, is an answer: it is an
 * {@link Outcome} and does not count against the breaker. Anything else (no instance, no handler,
 * timeout, open breaker) fails the future and counts.
 */
public final class GuardedService<S> {

  private final Supplier<Future<S>> lookup;
  private final CircuitBreaker breaker;

  /** @param lookup the service's proxy, or a failure when there is no instance to call */
  public GuardedService(Supplier<Future<S>> lookup, CircuitBreaker breaker) {
    this.lookup = lookup;
    this.breaker = breaker;
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
    return lookup.get().compose(call::apply);
  }

  /** The service's own 4xx answer: the request was understood and refused. */
  private static boolean isRefusal(ReplyException reply) {
    return reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() >= 400 && reply.failureCode() < 500;
  }
}
