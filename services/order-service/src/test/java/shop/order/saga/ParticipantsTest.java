package shop.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import shop.order.remote.GuardedService;
import shop.order.remote.Outcome;

class ParticipantsTest {

  private static final int MAX_FAILURES = 2;
  private static final long TIMEOUT_MS = 100;
  private static final UUID ORDER_ID = UUID.randomUUID();
  private static final List<OrderLine> LINES = List.of(new OrderLine(UUID.randomUUID().toString(), 2));
  private static final ChargeRequest CHARGE = new ChargeRequest(ORDER_ID.toString(), UUID.randomUUID().toString(),
      2500, "EUR", "order:" + ORDER_ID);
  private static final UserSummary ALICE = new UserSummary(UUID.randomUUID().toString(), "alice@example.com",
      "Alice", List.of());

  private final Vertx vertx = Vertx.vertx();
  private final CircuitBreaker usersBreaker = breaker("users");
  private final CircuitBreaker inventoryBreaker = breaker("inventory");
  private final CircuitBreaker paymentsBreaker = breaker("payments");
  private final FakeParticipant<UserSummary> users = new FakeParticipant<>();
  private final FakeParticipant<Reservation> inventory = new FakeParticipant<>();
  private final FakeParticipant<PaymentResult> payments = new FakeParticipant<>();
  private final Map<String, UserSummary> knownUsers = new HashMap<>();
  /** The services Consul has a passing instance of. */
  private final Set<String> passing = new HashSet<>(Set.of("users", "inventory", "payments", "shipping"));
  private final Participants participants = new Participants(
      guarded(new FakeUserDirectory(), "users", usersBreaker),
      guarded(new FakeInventory(), "inventory", inventoryBreaker),
      guarded(new FakePayments(), "payments", paymentsBreaker),
      guarded(new NoShipping(), "shipping", breaker("shipping")),
      new FakeKnownUsers());

  private <S> GuardedService<S> guarded(S service, String name, CircuitBreaker breaker) {
    return new GuardedService<>(() -> passing.contains(name) ? Future.succeededFuture(service)
        : Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS, "no instance of " + name)), breaker);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aRefusalIsTheParticipantsAnswerAndDoesNotOpenTheBreaker() {
    inventory.answers(() -> ServiceException.fail(Inventory.OUT_OF_STOCK, "only 1 left of the product"));

    for (int call = 0; call <= MAX_FAILURES; call++) {
      Outcome<Reservation> outcome = participants.reserve(ORDER_ID, LINES).await();
      assertThat(outcome.isRefused()).isTrue();
      assertThat(outcome.refusalCode()).isEqualTo(Inventory.OUT_OF_STOCK);
      assertThat(outcome.refusal()).isEqualTo("only 1 left of the product");
    }

    assertThat(inventoryBreaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
    assertThat(inventory.calls()).isEqualTo(MAX_FAILURES + 1);
  }

  @Test
  void aRefusalWithoutAMessageIsStillARefusalAndSaysItsCode() {
    inventory.answers(() -> ServiceException.fail(Inventory.OUT_OF_STOCK, null));

    Outcome<Reservation> outcome = participants.reserve(ORDER_ID, LINES).await();

    assertThat(outcome.isRefused()).isTrue();
    assertThat(outcome.refusalCode()).isEqualTo(Inventory.OUT_OF_STOCK);
    assertThat(outcome.refusal()).contains(String.valueOf(Inventory.OUT_OF_STOCK));
  }

  @Test
  void aParticipantThatIsDownOrCannotDecideFailsTheStepAndOpensTheBreaker() {
    ReplyException down = new ReplyException(ReplyFailure.NO_HANDLERS, "no handler for payments");
    ServiceException cannotDecide = new ServiceException(503, "payments unavailable");

    payments.answers(() -> Future.failedFuture(down));
    assertThatThrownBy(() -> participants.charge(CHARGE).await()).isSameAs(down);
    payments.answers(() -> Future.failedFuture(cannotDecide));
    assertThatThrownBy(() -> participants.charge(CHARGE).await()).isSameAs(cannotDecide);

    assertThat(paymentsBreaker.state()).isEqualTo(CircuitBreakerState.OPEN);
    assertThatThrownBy(() -> participants.charge(CHARGE).await()).isInstanceOf(OpenCircuitException.class);
    assertThat(payments.calls()).as("an open breaker does not call").isEqualTo(MAX_FAILURES);
  }

  @Test
  void aParticipantWithoutAPassingInstanceIsNotCalledAndTheStepFailsAtOnce() {
    passing.remove("payments");

    assertThatThrownBy(() -> participants.charge(CHARGE).await()).isInstanceOfSatisfying(ReplyException.class,
        e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));

    assertThat(payments.calls()).isZero();
  }

  @Test
  void whenUserServiceHasNoPassingInstanceTheUserLastKnownStandsInWithoutACall() {
    knownUsers.put(ALICE.getId(), ALICE);
    passing.remove("users");

    Outcome<UserSummary> outcome = participants.user(ALICE.getId()).await();

    assertThat(outcome.value().toJson()).isEqualTo(ALICE.toJson());
    assertThat(users.calls()).isZero();
  }

  @Test
  void aParticipantThatDoesNotAnswerInTimeFailsTheStepAndOpensTheBreaker() {
    payments.answers(() -> Promise.<PaymentResult>promise().future());

    for (int call = 0; call < MAX_FAILURES; call++) {
      assertThatThrownBy(() -> participants.refund(ORDER_ID).await()).isInstanceOf(TimeoutException.class);
    }

    assertThat(paymentsBreaker.state()).isEqualTo(CircuitBreakerState.OPEN);
  }

  @Test
  void whenUserServiceCannotBeReachedTheUserLastKnownStandsIn() {
    knownUsers.put(ALICE.getId(), ALICE);
    users.answers(() -> Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS, "no handler for users")));

    Outcome<UserSummary> outcome = participants.user(ALICE.getId()).await();

    assertThat(outcome.isRefused()).isFalse();
    assertThat(outcome.value().getEmail()).isEqualTo("alice@example.com");
  }

  @Test
  void whenUserServiceCannotBeReachedAUserNeverSeenBeforeWaits() {
    ReplyException down = new ReplyException(ReplyFailure.NO_HANDLERS, "no handler for users");
    users.answers(() -> Future.failedFuture(down));

    assertThatThrownBy(() -> participants.user(ALICE.getId()).await()).isSameAs(down);
  }

  @Test
  void aUserThatUserServiceNoLongerKnowsIsRefusedWhateverWasKnownBefore() {
    knownUsers.put(ALICE.getId(), ALICE);
    users.answers(() -> ServiceException.fail(UserDirectory.NOT_FOUND, "no user " + ALICE.getId()));

    Outcome<UserSummary> outcome = participants.user(ALICE.getId()).await();

    assertThat(outcome.isRefused()).isTrue();
    assertThat(outcome.refusalCode()).isEqualTo(UserDirectory.NOT_FOUND);
    assertThat(usersBreaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
  }

  private CircuitBreaker breaker(String name) {
    return CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
        .setMaxFailures(MAX_FAILURES)
        .setTimeout(TIMEOUT_MS)
        .setResetTimeout(60_000));
  }

  /** What one participant answers, whichever of its operations is called, and how often it was called. */
  private static final class FakeParticipant<T> {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile Supplier<Future<T>> answer = () -> Future.failedFuture("no answer set");

    void answers(Supplier<Future<T>> answer) {
      this.answer = answer;
    }

    Future<T> call() {
      calls.incrementAndGet();
      return answer.get();
    }

    int calls() {
      return calls.get();
    }
  }

  private final class FakeUserDirectory implements UserDirectory {
    @Override
    public Future<UserSummary> findById(String id) {
      return users.call();
    }
  }

  private final class FakeInventory implements Inventory {
    @Override
    public Future<List<PricedLine>> price(List<OrderLine> lines) {
      throw new UnsupportedOperationException("the saga does not price");
    }

    @Override
    public Future<Reservation> reserve(String orderId, List<OrderLine> lines) {
      return inventory.call();
    }

    @Override
    public Future<Reservation> release(String orderId) {
      return inventory.call();
    }

    @Override
    public Future<Reservation> commit(String orderId) {
      return inventory.call();
    }
  }

  private final class FakePayments implements Payments {
    @Override
    public Future<PaymentResult> charge(ChargeRequest request) {
      return payments.call();
    }

    @Override
    public Future<PaymentResult> refund(String orderId) {
      return payments.call();
    }
  }

  private static final class NoShipping implements Shipping {
    @Override
    public Future<Shipment> create(ShipmentRequest request) {
      throw new UnsupportedOperationException("not called here");
    }

    @Override
    public Future<Shipment> cancel(String orderId) {
      throw new UnsupportedOperationException("not called here");
    }
  }

  private final class FakeKnownUsers implements KnownUsers {
    @Override
    public Future<Optional<UserSummary>> find(String userId) {
      return Future.succeededFuture(Optional.ofNullable(knownUsers.get(userId)));
    }

    @Override
    public Future<Void> remember(SqlClient tx, UserSummary user) {
      knownUsers.put(user.getId(), user);
      return Future.succeededFuture();
    }
  }
}
