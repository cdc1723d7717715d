package shop.order.store;

import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import shop.contracts.bridge.OrderStatusChange;
import shop.contracts.bridge.PublicBus;
import shop.order.domain.Order;
import shop.order.domain.OrderEvent;

/**
 * Publishes every event appended to an order, once its transaction commits, as an
 * {@link OrderStatusChange} on {@link PublicBus#ORDER_STATUS}: the live feed the gateway's bridges
 * pass on to each order's customer. A feed, not a record: a listener that was not there misses it,
 * and the event store (or {@code GET /orders/{id}/history}) stays the truth.
 */
public final class StatusFeed {

  private final EventBus bus;

  public StatusFeed(EventBus bus) {
    this.bus = bus;
  }

  /** Publishes the change once the transaction the event was appended in commits; never if it rolls back. */
  void afterCommit(SqlConnection tx, Order order, OrderEvent event) {
    OrderStatusChange change = new OrderStatusChange(order.id().toString(), order.userId(), event.version(),
        event.type(), order.status().name(), event.occurredAt());
    Transaction transaction = tx.transaction();
    if (transaction == null) {
      bus.publish(PublicBus.ORDER_STATUS, change.toJson());
    } else {
      transaction.completion().onSuccess(committed -> bus.publish(PublicBus.ORDER_STATUS, change.toJson()));
    }
  }
}
