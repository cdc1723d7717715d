package shop.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.PricedLine;
import shop.contracts.inventory.Reservation;
import shop.platform.events.EventEnvelope;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.EventPublisher;
import shop.testing.Http.Response;
import shop.testing.Http;
import shop.testing.ServiceProcess;
import shop.testing.TestCluster;
import shop.testing.TestTokens;

/** inventory-service in its own JVM against the real PostgreSQL, Kafka, Consul and clustered event bus. */
class InventoryServiceIT {

  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

  private static ServiceProcess service;
  private static Http api;
  private static String admin;
  private static Vertx client;
  private static Inventory inventory;
  private static EventPublisher publisher;
  /** Every event the outbox relay republishes on the event bus. */
  private static final Queue<JsonObject> events = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() {
    service = ServiceProcess.start("inventory-service", "inventory-service-it-1", Map.of());
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
    admin = TestTokens.admin();
    client = TestCluster.join();
    inventory = Inventory.createProxy(client);
    client.eventBus().<JsonObject>consumer("events.inventory", message -> events.add(message.body()))
        .completion().await();
    publisher = EventPublisher.to(client, List.of("orders", "payments", "shipping"));
  }

  @AfterAll
  static void stop() {
    publisher.close();
    client.close().await();
    service.close();
  }

  // --- HTTP ---

  @Test
  void anAdminCreatesAProductThatAnyoneCanGetAndList() {
    String sku = uniqueSku();
    Response created = api.post("/products", product(sku, 1250, "EUR", 7), admin);

    assertThat(created.status()).isEqualTo(201);
    JsonObject product = new JsonObject(created.body());
    assertThat(product.getString("sku")).isEqualTo(sku);
    assertThat(product.getLong("priceMinor")).isEqualTo(1250);
    assertThat(product.getString("currency")).isEqualTo("EUR");
    assertThat(product.getInteger("stock")).isEqualTo(7);
    assertThat(product.getInteger("reserved")).isZero();
    assertThat(product.getInteger("sold")).isZero();
    String id = product.getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/v1/products/" + id);

    Response fetched = api.get("/products/" + id, null);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(product);

    assertThat(allProducts()).contains(product);
  }

  @Test
  void pagesAreOrderedBySkuAndTheDemoCatalogIsThere() {
    JsonObject page = api.get("/products?page=0&size=3", null).json();
    assertThat(page.getInteger("size")).isEqualTo(3);
    assertThat(page.getBoolean("hasMore")).isTrue();
    List<String> skus = page.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("sku")).toList();
    assertThat(skus).hasSize(3).isSorted();

    assertThat(allProducts()).extracting(p -> p.getString("sku")).contains("DEMO-MUG", "DEMO-TSHIRT");
    assertThat(api.get("/products?size=0", null).isProblem(400)).isTrue();
  }

  @Test
  void changingTheCatalogNeedsAnAdminToken() {
    String sku = uniqueSku();
    assertThat(api.post("/products", product(sku, 100, "EUR", 1), null).isProblem(401)).isTrue();
    assertThat(api.post("/products", product(sku, 100, "EUR", 1), customer()).isProblem(403)).isTrue();

    String id = createProduct(5);
    assertThat(putStock(id, "{\"stock\": 1}", null).isProblem(401)).isTrue();
    assertThat(putStock(id, "{\"stock\": 1}", customer()).isProblem(403)).isTrue();

    assertThat(api.post("/products", product(sku, 100, "EUR", 1), admin).status())
        .as("the refused requests stored nothing").isEqualTo(201);
    assertThat(productJson(id).getInteger("stock")).isEqualTo(5);
  }

  @Test
  void badBodiesAre400ProblemsNamingTheFieldAndStoreNothing() {
    String sku = uniqueSku();
    assertThat(api.post("/products", "{\"sku\": \"" + sku, admin).isProblem(400)).isTrue();
    String withoutSku = new JsonObject().put("name", "No sku").put("priceMinor", 100).put("currency", "EUR")
        .put("stock", 1).encode();
    assertBadField(api.post("/products", withoutSku, admin), "sku");
    assertBadField(api.post("/products", product(sku, 100, "EUR", -1), admin), "stock");
    String priceAsString = new JsonObject(product(sku, 100, "EUR", 1)).put("priceMinor", "100").encode();
    assertBadField(api.post("/products", priceAsString, admin), "priceMinor");
    assertBadField(api.post("/products", product(sku, 100, "eur", 1), admin), "currency");

    String id = createProduct(3);
    assertBadField(putStock(id, "{\"stock\": -2}", admin), "stock");
    assertBadField(putStock(id, "{\"stock\": \"9\"}", admin), "stock");

    assertThat(api.post("/products", product(sku, 100, "EUR", 1), admin).status())
        .as("the rejected bodies stored nothing").isEqualTo(201);
    assertThat(productJson(id).getInteger("stock")).isEqualTo(3);
  }

  @Test
  void aSkuIsTakenOnce() {
    String sku = uniqueSku();
    assertThat(api.post("/products", product(sku, 100, "EUR", 1), admin).status()).isEqualTo(201);

    assertThat(api.post("/products", product(sku, 200, "USD", 2), admin).isProblem(409)).isTrue();
  }

  @Test
  void anUnknownOrMalformedProductIdIs404() {
    assertThat(api.get("/products/" + UUID.randomUUID(), null).isProblem(404)).isTrue();
    assertThat(api.get("/products/not-a-uuid", null).isProblem(404)).isTrue();
    assertThat(putStock(UUID.randomUUID().toString(), "{\"stock\": 1}", admin).isProblem(404)).isTrue();
  }

  @Test
  void anAdminSetsTheAvailableUnits() {
    String id = createProduct(5);
    inventory.reserve(UUID.randomUUID().toString(), List.of(new OrderLine(id, 2))).await();

    Response updated = putStock(id, "{\"stock\": 40}", admin);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(new JsonObject(updated.body()).getInteger("stock")).isEqualTo(40);
    assertThat(new JsonObject(updated.body()).getInteger("reserved")).as("reservations are kept").isEqualTo(2);
  }

  // --- the inventory event-bus service ---

  @Test
  void priceAnswersTheCurrentPricesAndNamesAnUnknownProduct() {
    String id = createProduct(5);

    List<PricedLine> priced = inventory.price(List.of(new OrderLine(id, 3))).await();

    assertThat(priced).singleElement().satisfies(line -> {
      assertThat(line.getProductId()).isEqualTo(id);
      assertThat(line.getQuantity()).isEqualTo(3);
      assertThat(line.getUnitPriceMinor()).isEqualTo(1500);
      assertThat(line.getCurrency()).isEqualTo("EUR");
    });
    String unknown = UUID.randomUUID().toString();
    assertThatThrownBy(() -> inventory.price(List.of(new OrderLine(id, 1), new OrderLine(unknown, 1))).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.failureCode()).isEqualTo(Inventory.UNKNOWN_PRODUCT);
          assertThat(e.getMessage()).contains(unknown);
        });
  }

  @Test
  void aReservationTakesEveryLineOnceAndRepeatingItChangesNothing() {
    String mug = createProduct(5);
    String cap = createProduct(5);
    String orderId = UUID.randomUUID().toString();
    List<OrderLine> lines = List.of(new OrderLine(mug, 2), new OrderLine(cap, 1));

    assertThat(inventory.reserve(orderId, lines).await().getStatus()).isEqualTo(Reservation.RESERVED);
    assertThat(inventory.reserve(orderId, lines).await().getStatus()).isEqualTo(Reservation.RESERVED);

    assertUnits(mug, 3, 2, 0);
    assertUnits(cap, 4, 1, 0);
    JsonObject reserved = awaitEvent("stock.reserved", orderId);
    assertThat(reserved.getJsonObject("data").getString("orderId")).isEqualTo(orderId);
    assertThat(reserved.getJsonObject("data").getJsonArray("lines")).hasSize(2);
  }

  @Test
  void aShortLineRefusesTheWholeOrderAndStoresNothing() {
    String plenty = createProduct(5);
    String scarce = createProduct(1);
    String orderId = UUID.randomUUID().toString();
    List<OrderLine> lines = List.of(new OrderLine(plenty, 1), new OrderLine(scarce, 2));

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> inventory.reserve(orderId, lines).await())
          .as("the refusal repeats").isInstanceOfSatisfying(ServiceException.class,
              e -> assertThat(e.failureCode()).isEqualTo(Inventory.OUT_OF_STOCK));
    }
    List<OrderLine> unknownProduct = List.of(new OrderLine(UUID.randomUUID().toString(), 1));
    assertThatThrownBy(() -> inventory.reserve(orderId, unknownProduct).await())
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.failureCode()).isEqualTo(Inventory.UNKNOWN_PRODUCT));

    assertUnits(plenty, 5, 0, 0);
    assertUnits(scarce, 1, 0, 0);
    assertThat(inventory.release(orderId).await().getStatus()).isEqualTo(Reservation.NONE);
    assertThat(new Http(Consul.address(service.instanceId())).get("/metrics", null).body())
        .contains("inventory_reservations_total{").contains("outcome=\"out_of_stock\"");
  }

  @Test
  void releaseReturnsReservedUnitsOnce() {
    String id = createProduct(5);
    String orderId = UUID.randomUUID().toString();
    inventory.reserve(orderId, List.of(new OrderLine(id, 3))).await();

    assertThat(inventory.release(orderId).await().getStatus()).isEqualTo(Reservation.RELEASED);
    assertThat(inventory.release(orderId).await().getStatus()).isEqualTo(Reservation.RELEASED);

    assertUnits(id, 5, 0, 0);
    assertThat(awaitEvent("stock.released", orderId).getJsonObject("data").getJsonArray("lines"))
        .containsExactly(new JsonObject().put("productId", id).put("quantity", 3));
  }

  @Test
  void aReservationArrivingAfterItsOrderWasReleasedTakesNothing() {
    String id = createProduct(4);
    String orderId = UUID.randomUUID().toString();

    assertThat(inventory.release(orderId).await().getStatus()).isEqualTo(Reservation.NONE);
    assertThat(inventory.reserve(orderId, List.of(new OrderLine(id, 2))).await().getStatus())
        .isEqualTo(Reservation.RELEASED);

    assertUnits(id, 4, 0, 0);
  }

  @Test
  void commitSellsTheReservedUnitsAndReleasingACommittedOrderRestocksThem() {
    String id = createProduct(5);
    String orderId = UUID.randomUUID().toString();
    inventory.reserve(orderId, List.of(new OrderLine(id, 2))).await();

    assertThat(inventory.commit(orderId).await().getStatus()).isEqualTo(Reservation.COMMITTED);
    assertThat(inventory.commit(orderId).await().getStatus()).isEqualTo(Reservation.COMMITTED);
    assertUnits(id, 3, 0, 2);
    awaitEvent("stock.committed", orderId);

    assertThat(inventory.release(orderId).await().getStatus()).isEqualTo(Reservation.RELEASED);
    assertUnits(id, 5, 0, 0);
    assertThat(inventory.commit(orderId).await().getStatus()).isEqualTo(Reservation.RELEASED);
    assertUnits(id, 5, 0, 0);
  }

  @Test
  void fiftyOrdersRacingForTenUnitsGetExactlyTen() {
    String id = createProduct(10);

    List<Future<Reservation>> attempts = IntStream.range(0, 50)
        .mapToObj(i -> inventory.reserve(UUID.randomUUID().toString(), List.of(new OrderLine(id, 1))))
        .toList();
    Future.join(attempts).otherwiseEmpty().await();

    assertThat(attempts.stream().filter(Future::succeeded)).hasSize(10);
    assertThat(attempts.stream().filter(Future::failed).map(Future::cause))
        .hasSize(40)
        .allSatisfy(e -> assertThat(((ServiceException) e).failureCode()).isEqualTo(Inventory.OUT_OF_STOCK));
    assertUnits(id, 0, 10, 0);
  }

  // --- the choreography ---

  @Test
  void aSubmittedOrderIsReservedOnceEvenWhenDeliveredTwiceAndReleasedWhenPaymentIsDeclined() {
    String id = createProduct(10);
    String orderId = UUID.randomUUID().toString();
    JsonObject order = order(orderId, id, 2);
    EventEnvelope submitted =
        EventEnvelope.of(EventType.ORDER_SUBMITTED, orderId, new JsonObject().put("order", order));

    publish("orders", orderId, submitted);
    publish("orders", orderId, submitted);
    // Another order with the same key lands on the same partition, so it is handled after both copies.
    String laterOrderId = UUID.randomUUID().toString();
    publish("orders", orderId, EventEnvelope.of(EventType.ORDER_SUBMITTED, laterOrderId,
        new JsonObject().put("order", order(laterOrderId, id, 1))));

    JsonObject reserved = awaitEvent("stock.reserved", orderId);
    awaitEvent("stock.reserved", laterOrderId);
    assertThat(reserved.getJsonObject("data").getJsonObject("order")).isEqualTo(order);
    assertThat(eventsOf("stock.reserved", orderId)).hasSize(1);
    assertUnits(id, 7, 3, 0);

    publish("payments", orderId, EventEnvelope.of(EventType.PAYMENT_DECLINED, orderId,
        new JsonObject().put("order", order).put("paymentId", UUID.randomUUID().toString()).put("reason", "DECLINED")));

    assertThat(awaitEvent("stock.released", orderId).getJsonObject("data").getJsonObject("order")).isEqualTo(order);
    assertUnits(id, 9, 1, 0);
  }

  @Test
  void aSubmittedOrderForAnUnknownProductIsRejected() {
    String orderId = UUID.randomUUID().toString();
    JsonObject order = order(orderId, UUID.randomUUID().toString(), 1);

    publish("orders", orderId,
        EventEnvelope.of(EventType.ORDER_SUBMITTED, orderId, new JsonObject().put("order", order)));

    JsonObject data = awaitEvent("stock.rejected", orderId).getJsonObject("data");
    assertThat(data.getString("reason")).isEqualTo("UNKNOWN_PRODUCT");
    assertThat(data.getJsonObject("order")).isEqualTo(order);
  }

  // --- helpers ---

  private static String createProduct(int stock) {
    Response created = api.post("/products", product(uniqueSku(), 1500, "EUR", stock), admin);
    assertThat(created.status()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static JsonObject productJson(String id) {
    return api.get("/products/" + id, null).json();
  }

  private static void assertUnits(String id, int stock, int reserved, int sold) {
    JsonObject product = productJson(id);
    assertThat(List.of(product.getInteger("stock"), product.getInteger("reserved"), product.getInteger("sold")))
        .as("stock, reserved, sold").containsExactly(stock, reserved, sold);
  }

  /** Every product, page by page. */
  private static List<JsonObject> allProducts() {
    List<JsonObject> all = new ArrayList<>();
    JsonObject page;
    int number = 0;
    do {
      page = api.get("/products?size=100&page=" + number++, null).json();
      page.getJsonArray("items").forEach(p -> all.add((JsonObject) p));
    } while (page.getBoolean("hasMore"));
    return all;
  }

  private static JsonObject awaitEvent(String type, String orderId) {
    Await.until(EVENT_TIMEOUT, type + " of order " + orderId, () -> !eventsOf(type, orderId).isEmpty());
    return eventsOf(type, orderId).get(0);
  }

  private static List<JsonObject> eventsOf(String type, String orderId) {
    return events.stream()
        .filter(e -> type.equals(e.getString("type")) && orderId.equals(e.getString("aggregateId")))
        .toList();
  }

  private static void publish(String topic, String key, EventEnvelope event) {
    publisher.publish(topic, key, event);
  }

  private static JsonObject order(String orderId, String productId, int quantity) {
    return new JsonObject()
        .put("orderId", orderId)
        .put("userId", UUID.randomUUID().toString())
        .put("email", "buyer@example.com")
        .put("lines", new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", quantity)))
        .put("amountMinor", 1500L * quantity)
        .put("currency", "EUR")
        .put("shippingAddress", new JsonObject().put("line1", "1 Main St").put("city", "Berlin").put("country", "DE"));
  }

  private static String product(String sku, long priceMinor, String currency, int stock) {
    return new JsonObject().put("sku", sku).put("name", "Test product").put("priceMinor", priceMinor)
        .put("currency", currency).put("stock", stock).encode();
  }

  private static String uniqueSku() {
    return "IT-" + UUID.randomUUID();
  }

  private static String customer() {
    return TestTokens.customer(UUID.randomUUID().toString());
  }

  private static Response putStock(String id, String body, String token) {
    return api.put("/products/" + id + "/stock", body, token);
  }

  private static void assertBadField(Response response, String field) {
    assertThat(response.isProblem(400)).as(response.body()).isTrue();
    assertThat(new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(field);
  }
}
