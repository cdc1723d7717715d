package shop.order.saga;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.Future;
import java.util.UUID;
import shop.order.domain.Order;
import shop.order.domain.SagaMode;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderEventStore.ConcurrentChange;
import shop.platform.tracing.Tracing;

/** Advances an order's saga in the mode it was placed in. */
public final class SagaDriver {

  private final OrderEventStore store;
  private final OrderSaga orchestrated;
  private final ChoreographedSaga choreographed;

  private final Tracer tracer;

  public SagaDriver(OrderEventStore store, SagaLog log, Participants participants, SagaMetrics metrics,
      Tracer tracer) {
    this.store = store;
    this.tracer = tracer;
    this.orchestrated = new OrderSaga(store, log, participants, metrics);
    this.choreographed = new ChoreographedSaga(store, participants, metrics);
  }

  /** The saga's calls and events belong to the trace of the request that placed the order. */
  private Future<Void> advanceInItsTrace(Order order) {
    return Tracing.inSpan(tracer, "order saga", SpanKind.INTERNAL, order.traceContext(),
        () -> order.sagaMode() == SagaMode.CHOREOGRAPHY ? choreographed.next(order) : orchestrated.next(order));
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
        .compose(found -> found.map(this::advanceInItsTrace).orElse(Future.succeededFuture()))
        .recover(e -> e instanceof ConcurrentChange ? advance(orderId) : Future.failedFuture(e));
  }
}
