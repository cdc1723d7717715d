package shop.system.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.system.orders.ShopClient.Customer;
import shop.system.observability.ZipkinTraces;
import shop.testing.Await;
import shop.testing.Http.Response;
import shop.testing.ServiceProcess;

/**
 * The order saga's outcomes, against every service in its own JVM on the real infrastructure.
 * Each subclass runs them with order-service in one saga mode; both must give the same outcomes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderScenarios {

  static final String ADDRESS = "1 Main Street, Springfield";

  ServiceProcess orderService;
  ShopClient shop;

  /** {@code orchestration} or {@code choreography}. */
  abstract String sagaMode();

  @BeforeAll
  void startServices() {
    SagaParticipants participants = SagaParticipants.start();
    orderService = ServiceProcess.start("order-service", "order-service-" + sagaMode(),
        Map.of("SAGA_MODE", sagaMode()));
    shop = new ShopClient(participants, orderService.instanceId());
  }

  @AfterAll
  void stopOrderService() {
    orderService.close();
  }

  @Test
  void aPlacedOrderIsChargedShippedConfirmedAndNotifiedOnce() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(1250, 5);

    Response placed = shop.place(customer, UUID.randomUUID().toString(), ShopClient.order(product, 2, ADDRESS));
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    String orderId = placed.json().getString("id");
    assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
    assertThat(placed.json().getLong("totalMinor")).as("priced by inventory").isEqualTo(2500);

    JsonObject order = shop.awaitFinal(customer, orderId);
    assertThat(order.getString("status")).as(order.encode()).isEqualTo("CONFIRMED");
    assertThat(order.getString("trackingNumber")).isNotBlank();

    List<JsonObject> payments = shop.paymentsOf(customer, orderId);
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).getString("status")).isEqualTo("CAPTURED");
    assertThat(payments.get(0).getLong("amountMinor")).isEqualTo(2500);
    assertStock(product, 3, 0, 2);
    List<JsonObject> shipments = shop.shipmentsOf(customer, orderId);
    assertThat(shipments).hasSize(1);
    assertThat(shipments.get(0).getString("status")).isEqualTo("CREATED");
    Await.until(ShopClient.SAGA_TIMEOUT, "the confirmation email",
        () -> !shop.notificationsOf(customer, orderId).isEmpty());
    assertThat(shop.notificationsOf(customer, orderId)).singleElement()
        .satisfies(n -> assertThat(n.getString("kind")).isEqualTo("ORDER_CONFIRMED"));

    JsonArray history = shop.orders().get("/orders/" + orderId + "/history", customer.token()).json()
        .getJsonArray("events");
    assertThat(history.stream().map(e -> ((JsonObject) e).getString("type")))
        .startsWith("OrderPlaced").endsWith("OrderConfirmed")
        .contains("StockReserved", "PaymentCaptured", "ShipmentCreated");
    for (int i = 0; i < history.size(); i++) {
      assertThat(history.getJsonObject(i).getInteger("version")).isEqualTo(i + 1);
    }
  }

  @Test
  void theOrdersEventsCarryTheTraceOfTheRequestThatPlacedIt() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(800, 2);
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

    Response placed = shop.orders().post("/orders", ShopClient.order(product, 1, ADDRESS), customer.token(),
        "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", traceparent);
    String orderId = placed.json().getString("id");
    assertThat(shop.awaitFinal(customer, orderId).getString("status")).isEqualTo("CONFIRMED");

    Map<String, String> topicOfEvent = Map.of("order.created", "orders", "stock.reserved", "inventory",
        "payment.captured", "payments", "shipment.created", "shipping", "order.confirmed", "orders");
    for (String type : topicOfEvent.keySet()) {
      KafkaEvents.Received event = KafkaEvents.await(topicOfEvent.get(type), orderId, type, ShopClient.SAGA_TIMEOUT);
      assertThat(event.envelope().getJsonObject("traceContext").getString("traceparent"))
          .as("trace context of %s", type).contains(traceId);
      assertThat(event.headers().get("traceparent")).as("Kafka header of %s", type).contains(traceId);
    }
  }

  @Test
  void theOrderIsOneTraceInZipkinThroughEveryParticipant() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(700, 2);
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callersSpan = "00f067aa0ba902b7";

    Response placed = shop.orders().post("/orders", ShopClient.order(product, 1, ADDRESS), customer.token(),
        "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-" + callersSpan + "-01");
    String orderId = placed.json().getString("id");
    assertThat(shop.awaitFinal(customer, orderId).getString("status")).isEqualTo("CONFIRMED");

    Set<String> participants = Set.of("user-service", "inventory-service", "payment-service", "shipping-service",
        "notification-service");
    Set<String> services = new HashSet<>(participants);
    services.add("order-service");
    ZipkinTraces.Trace trace = ZipkinTraces.await(traceId, services);
    assertThat(trace.roots()).as(trace.describe()).singleElement().satisfies(root -> {
      assertThat(root.service()).isEqualTo("order-service");
      assertThat(root.kind()).isEqualTo("SERVER");
      assertThat(root.parentId()).as("the caller's span").isEqualTo(callersSpan);
    });
    for (String participant : participants) {
      assertThat(trace.spans()).filteredOn(span -> span.service().equals(participant))
          .as("%s's spans, each below an order-service span:%n%s", participant, trace.describe())
          .isNotEmpty()
          .allSatisfy(span -> assertThat(trace.ancestorsOf(span)).extracting(ZipkinTraces.Span::service)
              .contains("order-service"));
    }
  }

  @Test
  void anOrderForMoreThanIsInStockIsCancelledWithoutCharging() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(500, 1);

    String orderId = shop.placeOrder(customer, product, 2, ADDRESS);

    JsonObject order = shop.awaitFinal(customer, orderId);
    assertThat(order.getString("status")).isEqualTo("CANCELLED");
    assertThat(order.getString("reason")).isEqualTo("OUT_OF_STOCK");
    assertThat(shop.paymentsOf(customer, orderId)).isEmpty();
    assertStock(product, 1, 0, 0);
    Await.until(ShopClient.SAGA_TIMEOUT, "the cancellation email",
        () -> shop.notificationsOf(customer, orderId).size() == 1);
  }

  @Test
  void aDeclinedPaymentCancelsTheOrderAndReturnsTheStock() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(1013, 4);

    String orderId = shop.placeOrder(customer, product, 1, ADDRESS);

    JsonObject order = shop.awaitFinal(customer, orderId);
    assertThat(order.getString("status")).isEqualTo("CANCELLED");
    assertThat(order.getString("reason")).isEqualTo("PAYMENT_DECLINED");
    assertThat(shop.paymentsOf(customer, orderId)).extracting(p -> p.getString("status")).containsExactly("DECLINED");
    assertThat(shop.shipmentsOf(customer, orderId)).isEmpty();
    assertStock(product, 4, 0, 0);
  }

  @Test
  void aShipmentThatCannotBeMadeRefundsThePaymentAndReleasesTheStock() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(700, 3);

    String orderId = shop.placeOrder(customer, product, 3, "UNDELIVERABLE 13 Nowhere Road");

    JsonObject order = shop.awaitFinal(customer, orderId);
    assertThat(order.getString("status")).isEqualTo("CANCELLED");
    assertThat(order.getString("reason")).isEqualTo("SHIPPING_FAILED");
    assertThat(shop.paymentsOf(customer, orderId)).extracting(p -> p.getString("status")).containsExactly("REFUNDED");
    assertStock(product, 3, 0, 0);
  }

  @Test
  void aCustomerCancelsAConfirmedOrderAndEverythingIsUndone() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(900, 2);
    String orderId = shop.placeOrder(customer, product, 1, ADDRESS);
    assertThat(shop.awaitFinal(customer, orderId).getString("status")).isEqualTo("CONFIRMED");

    Response cancelled = shop.orders().post("/orders/" + orderId + "/cancel", "", customer.token());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

    JsonObject order = shop.awaitFinal(customer, orderId);
    assertThat(order.getString("status")).isEqualTo("CANCELLED");
    assertThat(order.getString("reason")).isEqualTo("CANCELLED_BY_CUSTOMER");
    assertThat(shop.paymentsOf(customer, orderId)).extracting(p -> p.getString("status")).containsExactly("REFUNDED");
    assertThat(shop.shipmentsOf(customer, orderId)).extracting(s -> s.getString("status")).containsExactly("CANCELLED");
    assertStock(product, 2, 0, 0);
    assertThat(shop.orders().post("/orders/" + orderId + "/cancel", "", customer.token()).isProblem(409)).isTrue();
  }

  @Test
  void aRepeatedIdempotencyKeyPlacesOneOrderAndChargesOnce() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(300, 10);
    String key = UUID.randomUUID().toString();
    String body = ShopClient.order(product, 1, ADDRESS);

    Response first = shop.place(customer, key, body);
    Response again = shop.place(customer, key, body);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    String orderId = first.json().getString("id");
    assertThat(again.json().getString("id")).isEqualTo(orderId);
    assertThat(shop.awaitFinal(customer, orderId).getString("status")).isEqualTo("CONFIRMED");
    assertThat(shop.paymentsOf(customer, orderId)).hasSize(1);
    assertStock(product, 9, 0, 1);

    Response otherBody = shop.place(customer, key, ShopClient.order(product, 2, ADDRESS));
    assertThat(otherBody.isProblem(422)).as(otherBody.body()).isTrue();
    assertThat(ShopClient.items(shop.orders().get("/orders", customer.token()))).hasSize(1);
  }

  @Test
  void fiftyOrdersRacingForTenUnitsConfirmExactlyTen() throws Exception {
    String product = shop.createProduct(100, 10);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      customers.add(shop.registerCustomer());
    }
    ExecutorService pool = Executors.newFixedThreadPool(25);
    List<CompletableFuture<String>> placed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Customer customer = customers.get(i % customers.size());
      placed.add(CompletableFuture.supplyAsync(() -> shop.placeOrder(customer, product, 1, ADDRESS), pool));
    }
    List<JsonObject> finals = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      finals.add(shop.awaitFinal(customers.get(i % customers.size()), placed.get(i).get()));
    }
    pool.shutdown();

    assertThat(finals.stream().filter(o -> o.getString("status").equals("CONFIRMED"))).hasSize(10);
    assertThat(finals.stream().filter(o -> o.getString("status").equals("CANCELLED")))
        .hasSize(40)
        .allSatisfy(o -> assertThat(o.getString("reason")).isEqualTo("OUT_OF_STOCK"));
    assertStock(product, 0, 0, 10);
  }

  @Test
  void theRebuiltReadModelAnswersTheSame() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(250, 5);
    String confirmed = shop.placeOrder(customer, product, 1, ADDRESS);
    String cancelled = shop.placeOrder(customer, product, 9, ADDRESS);
    shop.awaitFinal(customer, confirmed);
    shop.awaitFinal(customer, cancelled);
    Response before = shop.orders().get("/orders", customer.token());

    Response rebuilt = shop.orders().post("/admin/orders/read-model/rebuild", "", shop.adminToken());

    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    assertThat(rebuilt.json().getInteger("rebuiltOrders")).isGreaterThanOrEqualTo(2);
    assertThat(shop.orders().get("/orders", customer.token()).json()).isEqualTo(before.json());
    assertThat(shop.orders().post("/admin/orders/read-model/rebuild", "", customer.token()).isProblem(403)).isTrue();
  }

  @Test
  void aCustomerSeesOnlyTheirOwnOrders() {
    Customer owner = shop.registerCustomer();
    Customer other = shop.registerCustomer();
    String orderId = shop.placeOrder(owner, shop.createProduct(150, 3), 1, ADDRESS);
    shop.awaitFinal(owner, orderId);

    assertThat(shop.orders().get("/orders/" + orderId, other.token()).isProblem(404)).isTrue();
    assertThat(shop.orders().get("/orders/" + orderId + "/history", other.token()).isProblem(404)).isTrue();
    assertThat(shop.orders().post("/orders/" + orderId + "/cancel", "", other.token()).isProblem(404)).isTrue();
    assertThat(ShopClient.items(shop.orders().get("/orders", other.token()))).isEmpty();
    assertThat(shop.paymentsOf(other, orderId)).isEmpty();
    assertThat(shop.shipmentsOf(other, orderId)).isEmpty();
    assertThat(shop.orders().get("/orders", null).isProblem(401)).isTrue();
  }

  @Test
  void badOrdersAreProblemsAndStoreNothing() {
    Customer customer = shop.registerCustomer();
    String product = shop.createProduct(100, 5);
    String key = UUID.randomUUID().toString();

    assertProblem(shop.place(customer, key, ShopClient.order(UUID.randomUUID().toString(), 1, ADDRESS)), 422, "items");
    assertProblem(shop.place(customer, key, ShopClient.order(product, 0, ADDRESS)), 400, "items[0].quantity");
    assertProblem(shop.place(customer, key, ShopClient.order(product, -3, ADDRESS)), 400, "items[0].quantity");
    assertProblem(shop.place(customer, key, ShopClient.order("not-a-uuid", 1, ADDRESS)), 400, "items[0].productId");
    assertProblem(shop.place(customer, key, "{\"items\": []}"), 400, "items");
    assertProblem(shop.place(customer, key, new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("productId", product))).encode()), 400, "items[0].quantity");
    assertProblem(shop.place(customer, key, "{\"items\": [{\"productId\": \"" + product + "\", \"quantity\": 1}]}"),
        400, "shippingAddress");
    assertThat(shop.place(customer, key, "{\"items\": [").isProblem(400)).isTrue();
    assertProblem(shop.orders().post("/orders", ShopClient.order(product, 1, ADDRESS), customer.token()), 400,
        "Idempotency-Key");
    assertThat(shop.orders().get("/orders/not-an-id", customer.token()).isProblem(404)).isTrue();
    assertThat(shop.orders().get("/orders/" + UUID.randomUUID(), customer.token()).isProblem(404)).isTrue();
    assertThat(shop.orders().get("/orders?page=-1", customer.token()).isProblem(400)).isTrue();

    assertThat(ShopClient.items(shop.orders().get("/orders", customer.token()))).as("nothing stored").isEmpty();
    assertStock(product, 5, 0, 0);
    assertThat(shop.place(customer, key, ShopClient.order(product, 1, ADDRESS)).status())
        .as("the key of the refused requests is still free").isEqualTo(202);
  }

  private void assertStock(String productId, int stock, int reserved, int sold) {
    JsonObject product = shop.product(productId);
    assertThat(product.getInteger("stock")).as("stock of " + product).isEqualTo(stock);
    assertThat(product.getInteger("reserved")).as("reserved of " + product).isEqualTo(reserved);
    assertThat(product.getInteger("sold")).as("sold of " + product).isEqualTo(sold);
  }

  private static void assertProblem(Response response, int status, String field) {
    assertThat(response.isProblem(status)).as(response.body()).isTrue();
    assertThat(response.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .as(response.body()).contains(field);
  }
}
