package shop.shipping;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import shop.contracts.events.Topic;
import shop.contracts.shipping.Shipping;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;
import shop.shipping.api.ShipmentRoutes;
import shop.shipping.bus.ShippingBusService;
import shop.shipping.dispatch.Dispatch;
import shop.shipping.dispatch.ShipmentRepository;
import shop.shipping.saga.ShippingSaga;

/**
 * shipping-service: one shipment per order, served as the {@code shipping} event-bus service, to the
 * choreographed saga over Kafka, and as the customer's read-only list of shipments.
 */
public final class ShippingService implements ServiceModule {

  public static void main(String[] args) {
    ServiceLauncher.launch(new ShippingService());
  }

  @Override
  public String name() {
    return "shipping-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    JWTAuth jwt = context.jwtVerifier();

    return context.createTopics(List.of(Topic.SHIPPING.topicName()))
        .compose(v -> context.openDatabase())
        .compose(pool -> {
          ShipmentRepository shipments = new ShipmentRepository(pool);
          Dispatch dispatch = new Dispatch(shipments);
          return context.relayOutbox(pool)
              .compose(v -> context.serveEventBus(Shipping.ADDRESS, Shipping.class,
                  new ShippingBusService(pool, dispatch)))
              .compose(v -> context.consumeEvents(pool, ShippingSaga.CONSUMER, ShippingSaga.TOPICS,
                  new ShippingSaga(dispatch)))
              .compose(v -> context.serveHttp((api, vertx) -> new ShipmentRoutes(shipments, jwt).mount(api)));
        });
  }
}
