package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.Reservation;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.payments.Payments;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.contracts.shipping.Shipping;
import shop.contracts.users.UserDirectory;
import shop.contracts.users.UserSummary;
import shop.order.remote.GuardedService;
import shop.order.remote.Outcome;

/**
 * The services the saga calls, each behind its circuit breaker. The steps a participant may refuse
 * (an unknown user, no stock, a charge it will not consider) answer an {@link Outcome}; the others
 * are never refused, so any failure of theirs means "not now".
 */
public final class Participants {

  private final GuardedService<UserDirectory> users;
  private final GuardedService<Inventory> inventory;
  private final GuardedService<Payments> payments;
  private final GuardedService<Shipping> shipping;
  private final KnownUsers knownUsers;

  public Participants(GuardedService<UserDirectory> users, GuardedService<Inventory> inventory,
      GuardedService<Payments> payments, GuardedService<Shipping> shipping, KnownUsers knownUsers) {
    this.users = users;
    this.inventory = inventory;
    this.payments = payments;
    this.shipping = shipping;
    this.knownUsers = knownUsers;
  }

  /**
   * The user, as user-service knows them; when user-service cannot be reached, the data last
   * {@link #remember remembered}.
   */
  public Future<Outcome<UserSummary>> user(String userId) {
    return users.outcomeOf(directory -> directory.findById(userId))
        .recover(unreachable -> knownUsers.find(userId).compose(known -> known
            .map(user -> Future.succeededFuture(Outcome.done(user)))
            .orElseGet(() -> Future.failedFuture(unreachable))));
  }

  /** Keeps the user's data, in the caller's transaction, for when user-service cannot be reached. */
  Future<Void> remember(SqlClient tx, UserSummary user) {
    return knownUsers.remember(tx, user);
  }

  public Future<Outcome<Reservation>> reserve(UUID orderId, List<OrderLine> lines) {
    return inventory.outcomeOf(stock -> stock.reserve(orderId.toString(), lines));
  }

  public Future<Reservation> commit(UUID orderId) {
    return inventory.call(stock -> stock.commit(orderId.toString()));
  }

  public Future<Reservation> release(UUID orderId) {
    return inventory.call(stock -> stock.release(orderId.toString()));
  }

  public Future<Outcome<PaymentResult>> charge(ChargeRequest request) {
    return payments.outcomeOf(service -> service.charge(request));
  }

  public Future<PaymentResult> refund(UUID orderId) {
    return payments.call(service -> service.refund(orderId.toString()));
  }

  public Future<Shipment> ship(ShipmentRequest request) {
    return shipping.call(service -> service.create(request));
  }

  public Future<Shipment> cancelShipment(UUID orderId) {
    return shipping.call(service -> service.cancel(orderId.toString()));
  }
}
