package shop.order;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.sqlclient.Pool;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.events.Topic;
import shop.contracts.inventory.Inventory;
import shop.contracts.payments.Payments;
import shop.contracts.shipping.Shipping;
import shop.contracts.users.UserDirectory;
import shop.order.api.AdminRoutes;
import shop.order.api.OrderRoutes;
import shop.order.domain.SagaMode;
import shop.order.placing.OrderCancellation;
import shop.order.placing.OrderPlacement;
import shop.order.pricing.Pricing;
import shop.order.remote.GuardedService;
import shop.order.saga.ChoreographedSaga;
import shop.order.saga.KnownUsersTable;
import shop.order.saga.Participants;
import shop.order.saga.SagaDriver;
import shop.order.saga.SagaLog;
import shop.order.saga.SagaMetrics;
import shop.order.saga.SagaRunner;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderProjection;
import shop.order.store.OrderReadModel;
import shop.order.store.PublicEvents;
import shop.order.store.StatusFeed;
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

  /** The saga's participants, each behind a breaker of its own; inventory's breaker also guards pricing. */
  private static Participants participants(ServiceContext context, GuardedService<Inventory> inventory, Pool pool) {
    return new Participants(guarded(context, UserDirectory.ADDRESS, UserDirectory.class), inventory,
        guarded(context, Payments.ADDRESS, Payments.class), guarded(context, Shipping.ADDRESS, Shipping.class),
        new KnownUsersTable(pool));
  }

  /**
   * A service found through discovery by the name of its record (its address), behind a breaker of
   * its own named alike in logs and metrics ({@code shop_breaker_state}).
   */
  private static <S> GuardedService<S> guarded(ServiceContext context, String name, Class<S> contract) {
    return new GuardedService<>(() -> context.catalog().eventBusService(name, contract), context.breaker(name));
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
          OrderEventStore store = new OrderEventStore(pool, projection, new PublicEvents(),
              new StatusFeed(context.vertx().eventBus()));
          OrderReadModel readModel = new OrderReadModel(pool);
          GuardedService<Inventory> inventory =
              guarded(context, Inventory.ADDRESS, Inventory.class);
          SagaDriver sagas = new SagaDriver(store, new SagaLog(pool), participants(context, inventory, pool),
              new SagaMetrics(context.meters()), context.tracer());
          long retryAfterMs = config.getLong("saga.retry-after-ms");
          long stalledAfterMs = config.getLong("saga.stalled-after-ms");
          SagaRunner runner = new SagaRunner(context.vertx().getOrCreateContext(), sagas::advance,
              limit -> readModel.stalled(retryAfterMs, stalledAfterMs, limit), retryAfterMs);
          runner.recoverEvery(config.getLong("saga.recovery-interval-ms"));

          OrderPlacement placement = new OrderPlacement(pool, store, new Pricing(inventory), () -> sagaMode(config));
          OrderRoutes orders = new OrderRoutes(jwt, placement, new OrderCancellation(store), readModel, store,
              runner::drive);
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
