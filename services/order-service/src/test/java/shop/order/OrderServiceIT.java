package shop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.servicediscovery.types.EventBusService;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.orders.OrderLimits;
import shop.contracts.payments.Payments;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http;
import shop.testing.Http.Response;
import shop.testing.ServiceDatabase;
import shop.testing.ServiceProcess;
import shop.testing.TestCluster;
import shop.testing.TestTokens;

/**
 * order-service in its own JVM against the real PostgreSQL, Kafka, Consul and clustered event bus,
 * with the two services it needs to take an order (user-service, inventory-service) and without
 * payment-service, so that every order waits for its payment.
 */
class OrderServiceIT {

  private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

  private static Vertx client;
  private static List<ServiceProcess> services;
  private static Http orders;
  private static Pool database;
  private static String productId;
  private static String customerToken;

  @BeforeAll
  static void start() {
    client = TestCluster.join();
    services = List.of(
        ServiceProcess.launch("user-service", "user-service-order-it", Map.of()),
        ServiceProcess.launch("inventory-service", "inventory-service-order-it", Map.of()),
        // A breaker that never opens here: every saga step that is attempted reaches the participant.
        ServiceProcess.launch("order-service", "order-service-it-1", Map.of("BREAKER_MAX_FAILURES", "1000000")));
    services.forEach(service -> service.awaitPassing(Duration.ofSeconds(120)));
    orders = api("order-service-it-1");
    database = ServiceDatabase.open(client, "orders");
    productId = createProduct();
    customerToken = registerCustomer();
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.forEach(ServiceProcess::close);
    }
    if (client != null) {
      client.close().await();
    }
  }

  @Test
  void aRetriedPlacementReturnsTheSameOrder() {
    String key = UUID.randomUUID().toString();

    Response first = place(customerToken, key, order(productId, 2));
    Response retry = place(customerToken, key, order(productId, 2));

    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(retry.status()).as(retry.body()).isEqualTo(202);
    assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(first.header("Location")).isEqualTo("/api/v1/orders/" + first.json().getString("id"));
  }

  @Test
  void withoutPaymentServiceAnOrderWaitsForItsPaymentWithItsStockReserved() {
    String orderId = place(customerToken, UUID.randomUUID().toString(), order(productId, 1)).json().getString("id");

    Await.until(SAGA_TIMEOUT, "order " + orderId + " to wait for its payment",
        () -> "PENDING_PAYMENT".equals(orders.get("/orders/" + orderId, customerToken).json().getString("status")));

    List<String> history = orders.get("/orders/" + orderId + "/history", customerToken).json()
        .getJsonArray("events").stream().map(event -> ((JsonObject) event).getString("type")).toList();
    assertThat(history).contains("OrderPlaced", "StockReserved").doesNotContain("OrderCancelled");
  }

  @Test
  void aParticipantWithoutAPassingInstanceInConsulIsNotCalled() {
    // payments on the event bus, but failing its check in Consul, as an instance that hangs or is not ready is.
    AtomicInteger charges = new AtomicInteger();
    MessageConsumer<JsonObject> unready = client.eventBus().consumer(Payments.ADDRESS, message -> charges.incrementAndGet());
    unready.completion().await();
    Consul.registerService(new JsonObject().put("ID", "payments-order-it").put("Name", Payments.ADDRESS)
        .put("Address", "127.0.0.1").put("Port", 1).put("Tags", new JsonArray().add(EventBusService.TYPE))
        .put("Check", new JsonObject().put("HTTP", "http://127.0.0.1:1/health/ready").put("Interval", "1s")));
    try {
      String orderId = place(customerToken, UUID.randomUUID().toString(), order(productId, 1)).json().getString("id");

      Await.until(SAGA_TIMEOUT, "order " + orderId + " to wait for its payment",
          () -> "PENDING_PAYMENT".equals(orders.get("/orders/" + orderId, customerToken).json().getString("status")));

      assertThat(charges).as("charges sent to an instance Consul does not pass").hasValue(0);
    } finally {
      Consul.deregisterService("payments-order-it");
      unready.unregister().await();
    }
  }

  @Test
  void badOrdersAreRefusedWithProblems() {
    JsonObject line = new JsonObject().put("productId", productId).put("quantity", 1);
    JsonArray tooManyLines = new JsonArray();
    IntStream.rangeClosed(0, OrderLimits.MAX_LINES).forEach(i -> tooManyLines.add(new JsonObject()
        .put("productId", UUID.randomUUID().toString()).put("quantity", 1)));

    Response withoutKey = orders.post("/orders", order(productId, 1), customerToken);
    Response sameProductTwice = place(customerToken, UUID.randomUUID().toString(), new JsonObject()
        .put("items", new JsonArray().add(line).add(line.copy())).put("shippingAddress", "1 Main Street").encode());
    Response tooMany = place(customerToken, UUID.randomUUID().toString(),
        new JsonObject().put("items", tooManyLines).put("shippingAddress", "1 Main Street").encode());
    Response tooLarge = place(customerToken, UUID.randomUUID().toString(), order(productId, OrderLimits.MAX_QUANTITY + 1));

    assertThat(withoutKey.isProblem(400)).as(withoutKey.body()).isTrue();
    assertThat(sameProductTwice.isProblem(422)).as(sameProductTwice.body()).isTrue();
    assertThat(tooMany.isProblem(400)).as(tooMany.body()).isTrue();
    assertThat(tooLarge.isProblem(400)).as(tooLarge.body()).isTrue();
  }

  @Test
  void anotherCustomersOrderIsNotFound() {
    String orderId = place(customerToken, UUID.randomUUID().toString(), order(productId, 1)).json().getString("id");
    String stranger = TestTokens.customer(UUID.randomUUID().toString());

    assertThat(orders.get("/orders/" + orderId, stranger).isProblem(404)).isTrue();
    assertThat(orders.get("/orders/" + orderId + "/history", stranger).isProblem(404)).isTrue();
    assertThat(orders.post("/orders/" + orderId + "/cancel", null, stranger).isProblem(404)).isTrue();
  }

  @Test
  void aRetryOfAnOrderMissingFromTheReadModelIsAnsweredWithAProblem() {
    String key = UUID.randomUUID().toString();
    String orderId = place(customerToken, key, order(productId, 1)).json().getString("id");
    database.preparedQuery("DELETE FROM orders_view WHERE order_id = $1").execute(Tuple.of(UUID.fromString(orderId))).await();

    Response retry = place(customerToken, key, order(productId, 1));

    assertThat(retry.isProblem(404)).as(retry.body()).isTrue();
  }

  private static Response place(String token, String idempotencyKey, String body) {
    return orders.post("/orders", body, token, "Idempotency-Key", idempotencyKey);
  }

  private static String order(String productId, int quantity) {
    return new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", quantity)))
        .put("shippingAddress", "1 Main Street, Springfield")
        .encode();
  }

  private static String createProduct() {
    Response created = api("inventory-service-order-it").post("/products", new JsonObject()
        .put("sku", "ORDER-IT-" + UUID.randomUUID())
        .put("name", "Order test product")
        .put("priceMinor", 1250)
        .put("currency", "EUR")
        .put("stock", 1000).encode(), TestTokens.admin());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static String registerCustomer() {
    Http users = api("user-service-order-it");
    String email = "order-it-" + UUID.randomUUID() + "@example.com";
    Response registered = users.post("/users", new JsonObject().put("email", email).put("name", "Customer")
        .put("password", "secret-password").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return users.post("/auth/token", new JsonObject().put("email", email).put("password", "secret-password").encode(),
        null).json().getString("accessToken");
  }

  private static Http api(String instanceId) {
    return new Http(Consul.address(instanceId) + "/api/v1");
  }
}
