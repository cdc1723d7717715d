package shop.inventory;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import shop.contracts.events.Topic;
import shop.contracts.inventory.Inventory;
import shop.inventory.catalog.CatalogRoutes;
import shop.inventory.catalog.DemoCatalog;
import shop.inventory.catalog.ProductRepository;
import shop.inventory.stock.InventoryBusService;
import shop.inventory.stock.Reservations;
import shop.inventory.stock.StockSaga;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;

/** inventory-service: the product catalog, prices and stock, with reservations by order. */
public final class InventoryService implements ServiceModule {

  public static void main(String[] args) {
    ServiceLauncher.launch(new InventoryService());
  }

  @Override
  public String name() {
    return "inventory-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    // The topics it consumes too, so that it can start before the services that produce them.
    List<String> topics = new ArrayList<>(StockSaga.TOPICS);
    topics.add(Topic.INVENTORY.topicName());
    return context.createTopics(topics)
        .compose(v -> context.openDatabase())
        .compose(pool -> start(context, pool));
  }

  private static Future<Void> start(ServiceContext context, Pool pool) {
    ProductRepository products = new ProductRepository(pool);
    Reservations reservations = new Reservations(context.meters());
    JWTAuth jwt = context.jwtVerifier();
    Future<Void> seeded = context.config().getBoolean("catalog.seed-demo")
        ? DemoCatalog.seed(products) : Future.succeededFuture();
    return seeded
        .compose(v -> context.relayOutbox(pool))
        .compose(v -> context.serveEventBus(Inventory.ADDRESS, Inventory.class,
            new InventoryBusService(pool, products, reservations)))
        .compose(v -> context.consumeEvents(pool, StockSaga.CONSUMER, StockSaga.TOPICS, new StockSaga(reservations)))
        .compose(v -> context.serveHttp((api, vertx) -> new CatalogRoutes(products, jwt).mount(api)));
  }
}
