package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.types.HttpEndpoint;
import shop.contracts.bridge.OrderStatusChange;
import shop.contracts.bridge.PublicBus;
import shop.platform.boot.ServiceContext;

/**
 * Starts what the bridges need once the gateway serves HTTP: the public requests, each customer's
 * order feed, the TCP bridge, and both bridges' records in discovery (and so in Consul).
 */
public final class Bridges {

  public static final String TCP_BRIDGE = "eventbus-bridge-tcp";
  public static final String SOCKJS_BRIDGE = "eventbus-bridge-sockjs";
  private static final DeliveryOptions THIS_GATEWAY_ONLY = new DeliveryOptions().setLocalOnly(true);

  private Bridges() {
  }

  public static Future<Void> start(ServiceContext context, BridgePolicy policy, BridgeLimits limits) {
    Vertx vertx = context.vertx();
    String host = context.advertisedHost();
    return PublicOperations.serve(vertx, context.httpPort(), limits.replyTimeoutMs())
        .compose(v -> feedEachCustomer(vertx))
        .compose(v -> new TcpBridge(vertx, policy, limits)
            .listen(context.config().getString("http.host"), context.config().getInt("bridge.tcp-port")))
        .map(server -> {
          context.advertise(new Record().setName(TCP_BRIDGE).setType("tcp-endpoint")
              .setLocation(new JsonObject().put("host", host).put("port", server.actualPort())));
          context.advertise(HttpEndpoint.createRecord(SOCKJS_BRIDGE, host, context.httpPort(), SockJsBridge.PATH));
          return null;
        });
  }

  /**
   * Passes every order status change on to its customer's own address, on this gateway only: the
   * bridges let a customer listen there and nowhere else, so no client ever filters.
   */
  private static Future<Void> feedEachCustomer(Vertx vertx) {
    return vertx.eventBus().<JsonObject>consumer(PublicBus.ORDER_STATUS, change -> vertx.eventBus().publish(
            PublicBus.orderStatusOf(OrderStatusChange.fromJson(change.body()).userId()), change.body(),
            THIS_GATEWAY_ONLY))
        .completion();
  }
}
