package shop.system.hostile;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import shop.system.orders.SagaParticipants;
import shop.testing.Await;
import shop.testing.Http;
import shop.testing.ServiceProcess;
import shop.testing.TestTokens;

/** The whole shop behind a gateway of its own: the saga participants, an order-service and the gateway. */
public final class ShopBehindGateway implements AutoCloseable {

  private final ServiceProcess orders;
  private final ServiceProcess gateway;
  private final int port;

  private ShopBehindGateway(ServiceProcess orders, ServiceProcess gateway, int port) {
    this.orders = orders;
    this.gateway = gateway;
    this.port = port;
  }

  /** Starts it, with the gateway on {@code port}, and waits until the gateway routes to every service. */
  public static ShopBehindGateway start(String name, int port) {
    return start(name, port, "orchestration");
  }

  /** The same, with order-service running its sagas in {@code sagaMode}. */
  public static ShopBehindGateway start(String name, int port, String sagaMode) {
    SagaParticipants.start();
    ServiceProcess orders = ServiceProcess.start("order-service", "order-service-" + name,
        Map.of("SAGA_MODE", sagaMode));
    ServiceProcess gateway = ServiceProcess.start("gateway", "gateway-" + name,
        Map.of("HTTP_PORT", String.valueOf(port)));
    ShopBehindGateway shop = new ShopBehindGateway(orders, gateway, port);
    Http api = shop.api();
    Await.until(Duration.ofSeconds(30), "the gateway to route to every service", () ->
        api.get("/products?size=1", null).status() == 200
            && api.get("/auth/jwks", null).status() == 200
            && api.get("/orders", TestTokens.customer(UUID.randomUUID().toString())).status() == 200);
    return shop;
  }

  /** The gateway's origin, e.g. {@code http://127.0.0.1:18081}. */
  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  public Http api() {
    return new Http(origin() + "/api/v1");
  }

  /** Switches every fault drill off through the API, as an admin would: for a test that may have left one on. */
  public void switchOffEveryDrill() {
    String admin = TestTokens.admin();
    for (Object drill : api().get("/admin/drills", admin).json().getJsonArray("drills")) {
      Http.Response off = api().put("/admin/drills/" + ((JsonObject) drill).getString("name"), "{\"on\":false}", admin);
      if (off.status() != 200) {
        throw new AssertionError("could not switch a drill off: " + off.body());
      }
    }
  }

  public ServiceProcess gateway() {
    return gateway;
  }

  @Override
  public void close() {
    gateway.close();
    orders.close();
  }
}
