package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import shop.order.domain.CancelReason;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.store.OrderEventStore;

/** The saga's first step in both modes: the customer must be a known user; their email is kept for the order. */
final class UserCheck {

  private final OrderEventStore store;
  private final Participants participants;
  private final SagaMetrics metrics;

  UserCheck(OrderEventStore store, Participants participants, SagaMetrics metrics) {
    this.store = store;
    this.participants = participants;
    this.metrics = metrics;
  }

  /**
   * Records {@code UserValidated}, remembering the user's data for when user-service cannot be
   * reached, and does {@code alsoWhenValid} in the same transaction; or records {@code OrderFailed}
   * with UNKNOWN_USER.
   */
  Future<Order> validate(Order order, Function<SqlConnection, Future<Void>> alsoWhenValid) {
    return metrics.timeStep("user", participants.user(order.userId())).compose(outcome -> outcome.isRefused()
        ? store.append(order, OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.UNKNOWN_USER))
        : store.append(order, OrderEvent.USER_VALIDATED, new JsonObject().put("email", outcome.value().getEmail()),
            tx -> participants.remember(tx, outcome.value()).compose(v -> alsoWhenValid.apply(tx))));
  }
}
