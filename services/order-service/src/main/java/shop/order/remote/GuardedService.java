package shop.order.remote;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;

/**
 * Another service's event-bus proxy behind its circuit breaker (which also times calls out). A
 * refusal the service decided, a 4xx {@code ServiceException}, is an answer: it is an
 * {@link Outcome} and does not count against the breaker. Anything else (no handler, timeout,
 * open breaker) fails the future and counts.
 */
public final class GuardedService<S> {

  private final S service;
  private final CircuitBreaker breaker;

  public GuardedService(S service, CircuitBreaker breaker) {
    this.service = service;
    this.breaker = breaker;
  }

  /** Asks the service for a decision: done, or refused for a reason of its own. */
  public <T> Future<Outcome<T>> outcomeOf(Function<S, Future<T>> call) {
    return breaker.execute(() -> call.apply(service).map(Outcome::done).recover(e ->
        e instanceof ReplyException reply && isRefusal(reply)
            ? Future.succeededFuture(Outcome.<T>refused(reply.failureCode(), reply.getMessage()))
            : Future.failedFuture(e)));
  }

  /** Calls the service for something it does not refuse (undoing, selling, shipping): every failure counts. */
  public <T> Future<T> call(Function<S, Future<T>> call) {
    return breaker.execute(() -> call.apply(service));
  }

  /** The service's own 4xx answer: the request was understood and refused. */
  private static boolean isRefusal(ReplyException reply) {
    return reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() >= 400 && reply.failureCode() < 500;
  }
}
