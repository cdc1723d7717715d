package shop.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.contracts.shipping.Shipping;
import shop.platform.events.EventEnvelope;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.EventPublisher;
import shop.testing.Http.Response;
import shop.testing.Http;
import shop.testing.ServiceDatabase;
import shop.testing.ServiceProcess;
import shop.testing.TestCluster;
import shop.testing.TestTokens;

/** shipping-service in its own JVM against the real PostgreSQL, Kafka, Consul and clustered event bus. */
class ShippingServiceIT {

  private static ServiceProcess service;
  private static Http api;
  private static Vertx client;
  private static Shipping shipping;
  private static Pool database;
  private static EventPublisher publisher;

  @BeforeAll
  static void start() {
    client = TestCluster.join();
    // The topics the saga consumer reads, so that this test can publish to them before their owners ran.
    publisher = EventPublisher.to(client, List.of("payments", "orders"));
    service = ServiceProcess.start("shipping-service", "shipping-service-it-1", Map.of());
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
    shipping = Shipping.createProxy(client);
    database = ServiceDatabase.open(client, "shipping");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (client != null) {
      client.close().await();
    }
  }

  @Test
  void anOrderIsShippedOnceWithATrackingNumber() {
    ShipmentRequest request = request(UUID.randomUUID(), "1 Main Street, Springfield");

    Shipment created = shipping.create(request).await();
    Shipment repeat = shipping.create(new ShipmentRequest(request.getOrderId(), request.getUserId(), "Elsewhere 2"))
        .await();

    assertThat(created.getStatus()).isEqualTo(Shipment.CREATED);
    assertThat(created.getShipmentId()).isNotNull();
    assertThat(created.getOrderId()).isEqualTo(request.getOrderId());
    assertThat(created.getTrackingNumber()).matches("SHP-[A-Z0-9]{10}");
    assertThat(created.getReason()).isNull();
    assertThat(repeat.toJson()).as("the first shipment, whatever the repeat asks").isEqualTo(created.toJson());
    assertThat(events(request.getOrderId(), "shipment.created")).singleElement().satisfies(data -> {
      assertThat(data.getString("shipmentId")).isEqualTo(created.getShipmentId());
      assertThat(data.getString("trackingNumber")).isEqualTo(created.getTrackingNumber());
    });
  }

  @Test
  void tenConcurrentCreatesMakeOneShipment() {
    UUID user = UUID.randomUUID();
    ShipmentRequest request = request(user, "7 Parallel Avenue");

    List<Future<Shipment>> calls = IntStream.range(0, 10).mapToObj(i -> shipping.create(request)).toList();
    Future.all(calls).await();

    assertThat(calls.stream().map(call -> call.result().toJson()).distinct()).hasSize(1);
    assertThat(list(user.toString(), null).getJsonArray("items")).hasSize(1);
    assertThat(events(request.getOrderId(), "shipment.created")).hasSize(1);
  }

  @Test
  void anUndeliverableAddressIsRejectedAsAnOutcomeAndStaysRejected() {
    ShipmentRequest request = request(UUID.randomUUID(), "42 Undeliverable Road");

    Shipment rejected = shipping.create(request).await();

    assertThat(rejected.getStatus()).isEqualTo(Shipment.REJECTED);
    assertThat(rejected.getReason()).isEqualTo("UNDELIVERABLE_ADDRESS");
    assertThat(rejected.getTrackingNumber()).isNull();
    assertThat(shipping.create(request).await().toJson()).isEqualTo(rejected.toJson());
    assertThat(events(request.getOrderId(), "shipment.rejected")).hasSize(1);
    assertThat(shipping.cancel(request.getOrderId()).await().getStatus())
        .as("nothing to cancel: the current state").isEqualTo(Shipment.REJECTED);
  }

  @Test
  void aCancellationHappensOnce() {
    ShipmentRequest request = request(UUID.randomUUID(), "3 Short Lane");
    Shipment created = shipping.create(request).await();

    Shipment cancelled = shipping.cancel(request.getOrderId()).await();
    Shipment again = shipping.cancel(request.getOrderId()).await();

    assertThat(cancelled.getStatus()).isEqualTo(Shipment.CANCELLED);
    assertThat(cancelled.getShipmentId()).isEqualTo(created.getShipmentId());
    assertThat(cancelled.getTrackingNumber()).isEqualTo(created.getTrackingNumber());
    assertThat(again.toJson()).isEqualTo(cancelled.toJson());
    assertThat(events(request.getOrderId(), "shipment.cancelled")).hasSize(1);
    assertThat(shipping.create(request).await().getStatus()).as("a repeated create does not reship")
        .isEqualTo(Shipment.CANCELLED);
  }

  @Test
  void cancellingAnOrderWithoutShipmentAnswersNone() {
    String orderId = UUID.randomUUID().toString();

    Shipment none = shipping.cancel(orderId).await();

    assertThat(none.getStatus()).isEqualTo(Shipment.NONE);
    assertThat(none.getOrderId()).isEqualTo(orderId);
  }

  @Test
  void invalidRequestsFailWith400() {
    String order = UUID.randomUUID().toString();
    String user = UUID.randomUUID().toString();
    assertFailsWith(400, shipping.create(new ShipmentRequest(order, user, " ")));
    assertFailsWith(400, shipping.create(new ShipmentRequest(order, user, null)));
    assertFailsWith(400, shipping.create(new ShipmentRequest("not-a-uuid", user, "1 Main St")));
    assertFailsWith(400, shipping.create(new ShipmentRequest(order, null, "1 Main St")));
    assertFailsWith(400, shipping.cancel("not-a-uuid"));
    assertThat(list(user, null).getJsonArray("items")).as("nothing stored").isEmpty();
  }

  @Test
  void customersSeeTheirOwnShipmentsNewestFirst() {
    UUID owner = UUID.randomUUID();
    ShipmentRequest older = request(owner, "1 First Street");
    ShipmentRequest newer = request(owner, "Undeliverable 2");
    String olderId = shipping.create(older).await().getShipmentId();
    String newerId = shipping.create(newer).await().getShipmentId();
    String token = TestTokens.customer(owner.toString());
    String stranger = TestTokens.customer(UUID.randomUUID().toString());

    Response mine = api.get("/shipments", token);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().getJsonArray("items").stream().map(s -> ((JsonObject) s).getString("id")))
        .containsExactly(newerId, olderId);

    JsonObject shipment = api.get("/shipments/" + olderId, token).json();
    assertThat(shipment.fieldNames()).containsExactlyInAnyOrder("id", "orderId", "userId", "address", "status",
        "trackingNumber", "reason", "createdAt");
    assertThat(shipment.getString("orderId")).isEqualTo(older.getOrderId());
    assertThat(shipment.getString("userId")).isEqualTo(owner.toString());
    assertThat(shipment.getString("address")).isEqualTo("1 First Street");
    assertThat(shipment.getString("status")).isEqualTo("CREATED");
    assertThat(shipment.getString("trackingNumber")).matches("SHP-[A-Z0-9]{10}");

    assertThat(single(api.get("/shipments?orderId=" + newer.getOrderId(), token).json()).getString("reason"))
        .isEqualTo("UNDELIVERABLE_ADDRESS");
    assertThat(single(api.get("/shipments?size=1&page=1", token).json()).getString("id")).isEqualTo(olderId);

    assertThat(api.get("/shipments", stranger).json().getJsonArray("items")).isEmpty();
    assertThat(api.get("/shipments?orderId=" + older.getOrderId(), stranger).json().getJsonArray("items")).isEmpty();
    assertThat(api.get("/shipments/" + olderId, stranger).isProblem(404)).isTrue();
    assertThat(api.get("/shipments/" + UUID.randomUUID(), token).isProblem(404)).isTrue();
    assertThat(api.get("/shipments/not-a-uuid", token).isProblem(404)).isTrue();
  }

  @Test
  void shipmentsNeedATokenAndValidParameters() {
    String token = TestTokens.customer(UUID.randomUUID().toString());

    assertThat(api.get("/shipments", null).isProblem(401)).isTrue();
    assertThat(api.get("/shipments/" + UUID.randomUUID(), null).isProblem(401)).isTrue();
    assertThat(api.get("/shipments", "not.a.token").isProblem(401)).isTrue();

    Response badOrder = api.get("/shipments?orderId=nope", token);
    assertThat(badOrder.isProblem(400)).isTrue();
    assertThat(badOrder.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("orderId");
    assertThat(api.get("/shipments?size=1000", token).isProblem(400)).isTrue();
    assertThat(api.get("/shipments?page=-1", token).isProblem(400)).isTrue();
  }

  @Test
  void inTheChoreographyAPaidOrderIsShippedOnceAndACancellationCancelsIt() {
    JsonObject order = order(UUID.randomUUID(), "9 Saga Street");
    String orderId = order.getString("orderId");
    EventEnvelope captured = EventEnvelope.of(EventType.PAYMENT_CAPTURED, orderId,
        new JsonObject().put("order", order).put("paymentId", UUID.randomUUID().toString()));

    publish("payments", captured);
    publish("payments", captured);
    publish("payments", EventEnvelope.of(EventType.PAYMENT_CAPTURED, orderId, captured.data()));

    Await.until(Duration.ofSeconds(30), "the order to be shipped", () -> !events(orderId, "shipment.created").isEmpty());
    JsonObject created = events(orderId, "shipment.created").get(0);
    JsonObject shipment = single(list(order.getString("userId"), orderId));
    assertThat(created.getJsonObject("order")).isEqualTo(order);
    assertThat(created.getString("shipmentId")).isEqualTo(shipment.getString("id"));
    assertThat(created.getString("trackingNumber")).isEqualTo(shipment.getString("trackingNumber"));

    publish("orders",
        EventEnvelope.of(EventType.ORDER_CANCEL_REQUESTED, orderId, new JsonObject().put("order", order)));

    Await.until(Duration.ofSeconds(30), "the shipment to be cancelled",
        () -> !events(orderId, "shipment.cancelled").isEmpty());
    JsonObject cancelled = events(orderId, "shipment.cancelled").get(0);
    assertThat(cancelled.getJsonObject("order")).isEqualTo(order);
    assertThat(cancelled.getString("shipmentId")).isEqualTo(shipment.getString("id"));
    assertThat(single(list(order.getString("userId"), orderId)).getString("status")).isEqualTo("CANCELLED");
    assertThat(events(orderId, "shipment.created")).as("each payment event shipped once").hasSize(1);
  }

  @Test
  void inTheChoreographyAnUndeliverableOrderIsRejectedWithItsOrder() {
    JsonObject order = order(UUID.randomUUID(), "UNDELIVERABLE, Atlantis");
    String orderId = order.getString("orderId");

    publish("payments", EventEnvelope.of(EventType.PAYMENT_CAPTURED, orderId,
        new JsonObject().put("order", order).put("paymentId", UUID.randomUUID().toString())));

    Await.until(Duration.ofSeconds(30), "the shipment to be rejected",
        () -> !events(orderId, "shipment.rejected").isEmpty());
    JsonObject rejected = events(orderId, "shipment.rejected").get(0);
    assertThat(rejected.getJsonObject("order")).isEqualTo(order);
    assertThat(rejected.getString("reason")).isEqualTo("UNDELIVERABLE_ADDRESS");
  }

  private static ShipmentRequest request(UUID userId, String address) {
    return new ShipmentRequest(UUID.randomUUID().toString(), userId.toString(), address);
  }

  private static JsonObject order(UUID userId, String address) {
    return new JsonObject().put("orderId", UUID.randomUUID().toString()).put("userId", userId.toString())
        .put("email", "buyer@example.com").put("lines", List.of(Map.of("productId", UUID.randomUUID().toString(),
            "quantity", 1)))
        .put("amountMinor", 1999).put("currency", "EUR").put("shippingAddress", address);
  }

  private static void assertFailsWith(int code, Future<?> call) {
    assertThatThrownBy(call::await).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.failureCode()).isEqualTo(code));
  }

  private static JsonObject list(String userId, String orderId) {
    Response response = api.get("/shipments" + (orderId == null ? "" : "?orderId=" + orderId),
        TestTokens.customer(userId));
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private static JsonObject single(JsonObject page) {
    assertThat(page.getJsonArray("items")).hasSize(1);
    return page.getJsonArray("items").getJsonObject(0);
  }

  /** The data of the events of this type written to the outbox for the order, oldest first. */
  private static List<JsonObject> events(String orderId, String type) {
    return ServiceDatabase.outboxEvents(database, orderId, type);
  }

  private static void publish(String topic, EventEnvelope event) {
    publisher.publish(topic, event);
  }
}
