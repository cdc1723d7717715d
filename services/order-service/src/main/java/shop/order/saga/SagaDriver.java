package shop.order.saga;

import io.vertx.core.Future;
import java.util.UUID;
import shop.order.domain.SagaMode;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderEventStore.ConcurrentChange;

/** Advances an order's saga in the mode it was placed in. */
public final class SagaDriver {

  private final OrderEventStore store;
  private final OrderSaga orchestrated;
  private final ChoreographedSaga choreographed;

  public SagaDriver(OrderEventStore store, SagaLog log, Participants participants, SagaMetrics metrics) {
    this.store = store;
    this.orchestrated = new OrderSaga(store, log, participants, metrics);
    this.choreographed = new ChoreographedSaga(store, participants, metrics);
  }

  public ChoreographedSaga choreography() {
    return choreographed;
  }

  /**
   * Takes the order as far as it can go now. Completes when the order is final or waits on
   * something (payment unreachable, participants' events); fails when a participant could not be
   * reached, leaving the order for a later attempt.
   */
  public Future<Void> advance(UUID orderId) {
    return store.find(orderId)
        .compose(found -> found.map(order -> order.sagaMode() == SagaMode.CHOREOGRAPHY
            ? choreographed.next(order) : orchestrated.next(order)).orElse(Future.succeededFuture()))
        .recover(e -> e instanceof ConcurrentChange ? advance(orderId) : Future.failedFuture(e));
  }
}
