package shop.order.saga;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.PricedLine;
import shop.contracts.inventory.Reservation;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.payments.Payments;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.contracts.shipping.Shipping;
import shop.contracts.users.UserDirectory;
import shop.contracts.users.UserSummary;
import shop.platform.boot.ServiceContext;

/**
 * The services the saga calls, each over its event-bus proxy behind a circuit breaker with a timeout.
 * A refusal the participant decided (a 4xx {@code ServiceException}) is an {@link Outcome} and does
 * not count against the breaker; anything else (no handler, timeout, open breaker) fails the future.
 */
public final class Participants {

  private final UserDirectory users;
  private final Inventory inventory;
  private final Payments payments;
  private final Shipping shipping;
  private final CircuitBreaker usersBreaker;
  private final CircuitBreaker inventoryBreaker;
  private final CircuitBreaker paymentsBreaker;
  private final CircuitBreaker shippingBreaker;
  private final Pool pool;

  public Participants(ServiceContext context, Pool pool) {
    this.users = UserDirectory.createProxy(context.vertx());
    this.inventory = Inventory.createProxy(context.vertx());
    this.payments = Payments.createProxy(context.vertx());
    this.shipping = Shipping.createProxy(context.vertx());
    this.usersBreaker = context.breaker("users");
    this.inventoryBreaker = context.breaker("inventory");
    this.paymentsBreaker = context.breaker("payments");
    this.shippingBreaker = context.breaker("shipping");
    this.pool = pool;
  }

  /**
   * The user, as user-service knows them; when user-service cannot be reached, the data last
   * {@link #remember remembered}.
   */
  public Future<Outcome<UserSummary>> user(String userId) {
    return guarded(usersBreaker, () -> users.findById(userId))
        .recover(unreachable -> lastKnown(userId).compose(known -> known == null
            ? Future.failedFuture(unreachable) : Future.succeededFuture(Outcome.done(known))));
  }

  public Future<Outcome<List<PricedLine>>> price(List<OrderLine> lines) {
    return guarded(inventoryBreaker, () -> inventory.price(lines));
  }

  public Future<Outcome<Reservation>> reserve(UUID orderId, List<OrderLine> lines) {
    return guarded(inventoryBreaker, () -> inventory.reserve(orderId.toString(), lines));
  }

  public Future<Reservation> commit(UUID orderId) {
    return inventoryBreaker.execute(() -> inventory.commit(orderId.toString()));
  }

  public Future<Reservation> release(UUID orderId) {
    return inventoryBreaker.execute(() -> inventory.release(orderId.toString()));
  }

  public Future<Outcome<PaymentResult>> charge(ChargeRequest request) {
    return guarded(paymentsBreaker, () -> payments.charge(request));
  }

  public Future<PaymentResult> refund(UUID orderId) {
    return paymentsBreaker.execute(() -> payments.refund(orderId.toString()));
  }

  public Future<Shipment> ship(ShipmentRequest request) {
    return shippingBreaker.execute(() -> shipping.create(request));
  }

  public Future<Shipment> cancelShipment(UUID orderId) {
    return shippingBreaker.execute(() -> shipping.cancel(orderId.toString()));
  }

  private static <T> Future<Outcome<T>> guarded(CircuitBreaker breaker, Supplier<Future<T>> call) {
    return breaker.execute(() -> call.get().map(Outcome::done).recover(e -> isRefusal(e)
        ? Future.succeededFuture(Outcome.<T>refused(((ReplyException) e).failureCode(), e.getMessage()))
        : Future.failedFuture(e)));
  }

  /** A participant's own 4xx answer: the request was understood and refused. */
  static boolean isRefusal(Throwable e) {
    return e instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() >= 400 && reply.failureCode() < 500;
  }

  /** Keeps the user's data, in the caller's transaction, for when user-service cannot be reached. */
  static Future<Void> remember(SqlClient client, UserSummary user) {
    return client.preparedQuery("INSERT INTO known_users (user_id, email, name) VALUES ($1, $2, $3) "
            + "ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, updated_at = now() "
            + "WHERE (known_users.email, known_users.name) IS DISTINCT FROM (EXCLUDED.email, EXCLUDED.name)")
        .execute(Tuple.of(UUID.fromString(user.getId()), user.getEmail(), user.getName()))
        .mapEmpty();
  }

  private Future<UserSummary> lastKnown(String userId) {
    return pool.preparedQuery("SELECT email, name FROM known_users WHERE user_id = $1")
        .execute(Tuple.of(UUID.fromString(userId)))
        .map(rows -> rows.size() == 0 ? null : new UserSummary(userId, rows.iterator().next().getString("email"),
            rows.iterator().next().getString("name"), List.of()));
  }
}
