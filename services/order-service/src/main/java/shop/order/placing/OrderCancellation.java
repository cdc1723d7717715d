package shop.order.placing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import shop.order.domain.CancelReason;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;
import shop.order.domain.OrderStatus;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderEventStore.ConcurrentChange;
import shop.platform.http.Problem;

/**
 * A customer cancels their order: it records {@code OrderFailed} with reason CANCELLED_BY_CUSTOMER,
 * after which the saga compensates whatever was done (cancels the shipment, refunds, returns the
 * stock). Any order that is not already being cancelled can be, a confirmed one too.
 */
public final class OrderCancellation {

  private final OrderEventStore store;

  public OrderCancellation(OrderEventStore store) {
    this.store = store;
  }

  public Future<Order> cancel(UUID orderId, String userId) {
    return store.find(orderId).compose(found -> {
      if (found.isEmpty() || !found.get().userId().equals(userId)) {
        return Future.failedFuture(Problem.notFound("No order " + orderId));
      }
      Order order = found.get();
      if (order.status() == OrderStatus.CANCELLING || order.status() == OrderStatus.CANCELLED) {
        return Future.failedFuture(Problem.conflict("The order is already " + order.status()));
      }
      return store.append(order, OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.CANCELLED_BY_CUSTOMER));
    }).recover(e -> e instanceof ConcurrentChange ? cancel(orderId, userId) : Future.failedFuture(e));
  }
}
