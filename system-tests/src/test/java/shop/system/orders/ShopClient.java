package shop.system.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http.Response;
import shop.testing.Http;

/** The shop's public API as a customer and an admin use it, service by service. */
final class ShopClient {

  static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

  final Http inventory;
  final Http shipping;
  final Http notifications;
  private final SagaParticipants participants;
  private final String orderServiceInstance;
  private String adminToken;

  ShopClient(SagaParticipants participants, String orderServiceInstance) {
    this.participants = participants;
    this.orderServiceInstance = orderServiceInstance;
    inventory = api(participants.inventory.instanceId());
    shipping = api(participants.shipping.instanceId());
    notifications = api(participants.notifications.instanceId());
  }

  /** order-service's API; looked up each time, since drills restart it on another port. */
  Http orders() {
    return api(orderServiceInstance);
  }

  Http users() {
    return api(participants.users().instanceId());
  }

  Http payments() {
    return api(participants.payments().instanceId());
  }

  private static Http api(String instanceId) {
    return new Http(Consul.address(instanceId) + "/api/v1");
  }

  record Customer(String id, String token) {
  }

  Customer registerCustomer() {
    String email = "customer-" + UUID.randomUUID() + "@example.com";
    Response registered = users().post("/users", new JsonObject().put("email", email).put("name", "Customer")
        .put("password", "secret-password").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    Response token = users().post("/auth/token", new JsonObject().put("email", email)
        .put("password", "secret-password").encode(), null);
    return new Customer(registered.json().getString("id"), token.json().getString("accessToken"));
  }

  synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = users().post("/auth/token", new JsonObject().put("email", "admin@shop.local")
          .put("password", "admin-change-me").encode(), null).json().getString("accessToken");
    }
    return adminToken;
  }

  /** A new product with that price (EUR cents) and stock; returns its id. */
  String createProduct(long priceMinor, int stock) {
    Response created = inventory.post("/products", new JsonObject()
        .put("sku", "TEST-" + UUID.randomUUID())
        .put("name", "Test product")
        .put("priceMinor", priceMinor)
        .put("currency", "EUR")
        .put("stock", stock).encode(), adminToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  JsonObject product(String productId) {
    return inventory.get("/products/" + productId, null).json();
  }

  static String order(String productId, int quantity, String address) {
    return new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", quantity)))
        .put("shippingAddress", address)
        .encode();
  }

  Response place(Customer customer, String idempotencyKey, String body) {
    return orders().post("/orders", body, customer.token(), "Idempotency-Key", idempotencyKey);
  }

  /** Places an order and returns its id; the saga is then under way. */
  String placeOrder(Customer customer, String productId, int quantity, String address) {
    Response placed = place(customer, UUID.randomUUID().toString(), order(productId, quantity, address));
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    return placed.json().getString("id");
  }

  JsonObject getOrder(Customer customer, String orderId) {
    Response order = orders().get("/orders/" + orderId, customer.token());
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    return order.json();
  }

  /** Waits for the order to be CONFIRMED or CANCELLED, and returns it. */
  JsonObject awaitFinal(Customer customer, String orderId) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    Await.until(SAGA_TIMEOUT, "order " + orderId + " to be CONFIRMED or CANCELLED (last seen: " + last + ")", () -> {
      last.set(getOrder(customer, orderId));
      return List.of("CONFIRMED", "CANCELLED").contains(last.get().getString("status"));
    });
    return last.get();
  }

  List<JsonObject> paymentsOf(Customer customer, String orderId) {
    return items(payments().get("/payments?orderId=" + orderId, customer.token()));
  }

  List<JsonObject> shipmentsOf(Customer customer, String orderId) {
    return items(shipping.get("/shipments?orderId=" + orderId, customer.token()));
  }

  List<JsonObject> notificationsOf(Customer customer, String orderId) {
    return items(notifications.get("/notifications?size=100", customer.token())).stream()
        .filter(notification -> orderId.equals(notification.getString("orderId")))
        .toList();
  }

  static List<JsonObject> items(Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.items();
  }
}
