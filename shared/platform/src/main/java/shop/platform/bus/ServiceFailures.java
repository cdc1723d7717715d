package shop.platform.bus;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import shop.platform.ids.Uuids;

/**
 * How an event-bus service answers what it cannot do, as a {@link ServiceException} whose code the
 * caller tells apart: a request that is wrong and stays wrong, or nothing decided yet.
 */
public final class ServiceFailures {

  /** The request is wrong: repeating it will not help. */
  public static final int BAD_REQUEST = 400;
  /** Nothing was decided: the caller may retry later. */
  public static final int UNAVAILABLE = 503;

  private ServiceFailures() {
  }

  /** The call, unless the request has a problem, which is answered as {@link #BAD_REQUEST}. */
  public static <T> Future<T> unlessInvalid(Optional<String> problem, Supplier<Future<T>> call) {
    return problem.isPresent() ? ServiceException.fail(BAD_REQUEST, problem.get()) : call.get();
  }

  /** The call for this order, or {@link #BAD_REQUEST} if the order id is not a UUID. */
  public static <T> Future<T> forOrder(String orderId, Function<UUID, Future<T>> call) {
    return Uuids.parse(orderId).map(call).orElseGet(() -> ServiceException.fail(BAD_REQUEST, "orderId must be a UUID"));
  }

  /**
   * A failure the service did not decide (its database, a bug), logged here and answered as
   * {@link #UNAVAILABLE} without its details, which are the service's own business.
   */
  public static <T> Future<T> unavailable(Logger log, String service, Throwable failure) {
    log.error("{} operation failed", service, failure);
    return ServiceException.fail(UNAVAILABLE, service + " unavailable");
  }
}
