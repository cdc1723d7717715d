package shop.order;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.sqlclient.Pool;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.events.Topic;
import shop.order.api.AdminRoutes;
import shop.order.api.OrderRoutes;
import shop.order.domain.SagaMode;
import shop.order.placing.OrderCancellation;
import shop.order.placing.OrderPlacement;
import shop.order.saga.ChoreographedSaga;
import shop.order.saga.SagaDriver;
import shop.order.saga.Participants;
import shop.order.saga.SagaLog;
import shop.order.saga.SagaMetrics;
import shop.order.saga.SagaRunner;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderProjection;
import shop.order.store.OrderReadModel;
import shop.order.store.PublicEvents;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;
import shop.platform.config.ServiceConfig;

/** order-service: orders as event streams, the order saga, and the order read model. */
public final class OrderService implements ServiceModule {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  public static void main(String[] args) {
    ServiceLauncher.launch(new OrderService());
  }

  /** The configured mode for new orders; a value that is neither mode keeps the default, and says so. */
  private static SagaMode sagaMode(ServiceConfig config) {
    try {
      return SagaMode.parse(config.getString("saga.mode"));
    } catch (IllegalArgumentException e) {
      log.warn("saga.mode {} is neither orchestration nor choreography; using orchestration",
          config.getString("saga.mode"));
      return SagaMode.ORCHESTRATION;
    }
  }

  @Override
  public String name() {
    return "order-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    ServiceConfig config = context.config();
    JWTAuth jwt = context.jwtVerifier();
    return context.createTopics(Stream.concat(Stream.of(Topic.ORDERS.topicName()), ChoreographedSaga.TOPICS.stream())
            .toList())
        .compose(v -> context.openDatabase())
        .compose(pool -> {
          OrderProjection projection = new OrderProjection(pool);
          OrderEventStore store = new OrderEventStore(pool, projection, new PublicEvents());
          OrderReadModel readModel = new OrderReadModel(pool);
          Participants participants = new Participants(context, pool);
          SagaDriver sagas = new SagaDriver(store, new SagaLog(pool), participants, new SagaMetrics(context.meters()),
              context.tracer());
          long retryAfterMs = config.getLong("saga.retry-after-ms");
          long stalledAfterMs = config.getLong("saga.stalled-after-ms");
          SagaRunner runner = new SagaRunner(context.vertx().getOrCreateContext(), sagas::advance,
              limit -> readModel.stalled(retryAfterMs, stalledAfterMs, limit), retryAfterMs);
          runner.recoverEvery(config.getLong("saga.recovery-interval-ms"));

          OrderPlacement placement = new OrderPlacement(pool, store, participants,
              () -> sagaMode(config));
          OrderRoutes orders = new OrderRoutes(jwt, placement, new OrderCancellation(store), readModel, store,
              runner::drive, config.getInt("orders.max-lines"), config.getInt("orders.max-quantity"));
          AdminRoutes admin = new AdminRoutes(jwt, projection);
          return context.relayOutbox(pool)
              .compose(v -> context.consumeEvents(pool, ChoreographedSaga.CONSUMER, ChoreographedSaga.TOPICS,
                  sagas.choreography()))
              .compose(v -> context.serveHttp((api, vertx) -> {
                orders.mount(api);
                admin.mount(api);
              }));
        });
  }
}
