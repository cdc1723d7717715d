package shop.system.bridges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.bridge.PublicBus;
import shop.system.hostile.ShopBehindGateway;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http;
import shop.testing.Http.Response;

/**
 * The gateway's event-bus bridges against the whole shop: what a client may do over them, and that
 * everything else is refused with a clear {@code err} frame (or, when the framing itself is broken,
 * by closing that connection) while the bridge goes on serving everyone else.
 */
class EventBusBridgesIT {

  private static final int GATEWAY_PORT = 18083;
  private static final String INSTANCE = "gateway-bridges";

  private static ShopBehindGateway shop;
  private static int tcpPort;
  private static Customer ann;
  private static Customer bob;
  private static String adminToken;
  private static String productId;

  private record Customer(String id, String token) {
  }

  @BeforeAll
  static void start() {
    shop = ShopBehindGateway.start("bridges", GATEWAY_PORT);
    Await.until(Duration.ofSeconds(30), "both bridges to pass their checks in Consul", () ->
        Consul.passingInstanceIds("eventbus-bridge-tcp").contains(INSTANCE + ":eventbus-bridge-tcp")
            && Consul.passingInstanceIds("eventbus-bridge-sockjs").contains(INSTANCE + ":eventbus-bridge-sockjs"));
    tcpPort = new JsonObject(Consul.get("/v1/agent/service/" + INSTANCE + ":eventbus-bridge-tcp")).getInteger("Port");
    ann = register();
    bob = register();
    adminToken = login("admin@shop.local", "admin-change-me");
    Response product = shop.api().post("/products", new JsonObject().put("sku", "BRIDGE-" + UUID.randomUUID())
        .put("name", "Bridge lamp").put("priceMinor", 1000).put("currency", "EUR").put("stock", 1000).encode(),
        adminToken);
    assertThat(product.status()).as(product.body()).isEqualTo(201);
    productId = product.json().getString("id");
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void aCustomerListsProductsPlacesAnOrderAndWatchesEachStepUntilConfirmedOverTcp() {
    try (TcpFrames client = new TcpFrames(tcpPort)) {
      client.send(register(PublicBus.orderStatusOf(ann.id()), ann.token()));
      JsonObject products = request(client, PublicBus.PRODUCTS_LIST, new JsonObject().put("size", 100), ann.token());
      assertThat(products.getJsonObject("body").getJsonArray("items")).isNotEmpty();

      JsonObject placed = request(client, PublicBus.ORDERS_PLACE, order(productId), ann.token());
      assertThat(placed.getString("type")).as(placed.encode()).isEqualTo("message");
      String orderId = placed.getJsonObject("body").getString("id");

      List<JsonObject> changes = watchUntilSettled(client, ann, orderId);
      assertThat(changes).extracting(change -> change.getString("event")).startsWith("OrderPlaced")
          .contains("StockReserved", "PaymentCaptured", "ShipmentCreated").endsWith("OrderConfirmed");
      assertThat(changes).extracting(change -> change.getInteger("version"))
          .as("every step, in order").isSorted().doesNotHaveDuplicates().startsWith(1);
      assertThat(changes.get(changes.size() - 1).getString("status")).isEqualTo("CONFIRMED");

      JsonObject read = request(client, PublicBus.ORDERS_GET, new JsonObject().put("orderId", orderId), ann.token());
      assertThat(read.getJsonObject("body").getString("status")).isEqualTo("CONFIRMED");
    }
  }

  @Test
  void refusedFramesGetErrFramesSayingWhyAndTheConnectionGoesOnServing() {
    String forged = ann.token().substring(0, ann.token().length() - 4) + "AAAA";
    try (TcpFrames client = new TcpFrames(tcpPort)) {
      assertRefused(request(client, "users", new JsonObject(), ann.token()), 403, "address not allowed: users");
      assertRefused(request(client, PublicBus.PRODUCTS_LIST, new JsonObject(), null), 401, "bearer token is required");
      assertRefused(request(client, PublicBus.PRODUCTS_LIST, new JsonObject(), forged), 401, "invalid or expired");
      assertRefused(request(client, PublicBus.ORDERS_PLACE, new JsonObject().put("idempotencyKey", 5), ann.token()),
          400, "idempotencyKey must be a string");
      assertRefused(request(client, PublicBus.ORDERS_GET, new JsonObject().put("orderId", "../users/me"), ann.token()),
          400, "orderId must be the order's id");
      assertRefused(request(client, PublicBus.ORDERS_GET,
          new JsonObject().put("orderId", UUID.randomUUID().toString()), ann.token()), 404, "");

      client.send(register(PublicBus.orderStatusOf(bob.id()), ann.token()));
      assertThat(client.read().getString("message")).contains("your own orders only");
      client.send(register(PublicBus.ORDER_STATUS, ann.token()));
      assertThat(client.read().getString("message")).contains("admin role");
      client.send(register(PublicBus.BREAKERS, null));
      assertThat(client.read().getString("message")).contains("bearer token is required");
      client.send(new JsonObject().put("type", "publish").put("address", PublicBus.ORDERS_PLACE)
          .put("headers", auth(ann.token())).put("body", order(productId)));
      assertThat(client.read().getString("message")).contains("publishing is not allowed");
      client.send(new JsonObject().put("type", "shout").put("address", PublicBus.ORDERS_PLACE));
      assertThat(client.read().getString("message")).contains("unknown frame type");

      client.send(new JsonObject().put("type", "ping"));
      assertThat(client.read().getString("type")).isEqualTo("pong");
      JsonObject products = request(client, PublicBus.PRODUCTS_LIST, new JsonObject(), ann.token());
      assertThat(products.getString("type")).as("still serving after the refusals").isEqualTo("message");
    }
  }

  @Test
  void aCustomerOnlyEverReceivesTheirOwnOrders() {
    try (TcpFrames annClient = new TcpFrames(tcpPort); TcpFrames bobClient = new TcpFrames(tcpPort)) {
      annClient.send(register(PublicBus.orderStatusOf(ann.id()), ann.token()));
      bobClient.send(register(PublicBus.orderStatusOf(bob.id()), bob.token()));
      String bobsOrder = request(bobClient, PublicBus.ORDERS_PLACE, order(productId), bob.token())
          .getJsonObject("body").getString("id");
      String annsOrder = request(annClient, PublicBus.ORDERS_PLACE, order(productId), ann.token())
          .getJsonObject("body").getString("id");

      List<JsonObject> seenByAnn = watchUntilSettled(annClient, ann, annsOrder);
      watchUntilSettled(bobClient, bob, bobsOrder);

      assertThat(seenByAnn).allSatisfy(change -> assertThat(change.getString("userId")).isEqualTo(ann.id()));
      assertThat(seenByAnn).noneSatisfy(change -> assertThat(change.getString("orderId")).isEqualTo(bobsOrder));
    }
  }

  @Test
  void brokenFramingClosesThatConnectionOnlyAndNothingIsLost() {
    try (TcpFrames bystander = new TcpFrames(tcpPort)) {
      bystander.send(register(PublicBus.orderStatusOf(ann.id()), ann.token()));

      try (TcpFrames oversized = new TcpFrames(tcpPort)) {
        oversized.writeLength(10_000_000);
        assertThat(oversized.read().getString("message")).contains("10000000 bytes is not accepted");
        assertThat(oversized.next()).as("then closed").isEmpty();
      }
      try (TcpFrames negative = new TcpFrames(tcpPort)) {
        negative.writeLength(-1);
        assertThat(negative.read().getString("type")).isEqualTo("err");
        assertThat(negative.next()).isEmpty();
      }
      try (TcpFrames malformed = new TcpFrames(tcpPort)) {
        malformed.writeRaw("{\"type\":\"send\",".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.read().getString("message")).contains("one JSON object");
        assertThat(malformed.next()).isEmpty();
      }
      try (TcpFrames notAnObject = new TcpFrames(tcpPort)) {
        notAnObject.writeRaw("[1,2]".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnObject.read().getString("message")).contains("one JSON object");
      }
      try (TcpFrames truncated = new TcpFrames(tcpPort)) {
        // 100 bytes announced, 20 sent, then a whole frame: the bridge reads it as the rest of the first.
        truncated.writeLength(100);
        truncated.writeBytes("{\"type\":\"ping\"}     ".getBytes(StandardCharsets.UTF_8));
        truncated.send(new JsonObject().put("type", "ping").put("padding", "x".repeat(100)));
        assertThat(truncated.read().getString("type")).isEqualTo("err");
        assertThat(truncated.next()).isEmpty();
      }

      String orderId = request(bystander, PublicBus.ORDERS_PLACE, order(productId), ann.token())
          .getJsonObject("body").getString("id");
      assertThat(watchUntilSettled(bystander, ann, orderId)).last()
          .satisfies(last -> assertThat(last.getString("status")).isEqualTo("CONFIRMED"));
    }
  }

  @Test
  void adminsListenToEveryOrderAndToTheBreakers() {
    try (TcpFrames admin = new TcpFrames(tcpPort); TcpFrames client = new TcpFrames(tcpPort)) {
      admin.send(register(PublicBus.ORDER_STATUS, adminToken));
      admin.send(register(PublicBus.BREAKERS, adminToken));
      admin.send(new JsonObject().put("type", "ping"));
      assertThat(admin.readSkipping(PublicBus.ORDER_STATUS).getString("type")).as("no refusal before the pong")
          .isEqualTo("pong");

      String orderId = request(client, PublicBus.ORDERS_PLACE, order(productId), bob.token())
          .getJsonObject("body").getString("id");

      List<String> events = new ArrayList<>();
      while (!events.contains("OrderConfirmed")) {
        JsonObject frame = admin.read();
        JsonObject change = frame.getJsonObject("body");
        if (PublicBus.ORDER_STATUS.equals(frame.getString("address")) && orderId.equals(change.getString("orderId"))) {
          events.add(change.getString("event"));
        }
      }
      assertThat(events).startsWith("OrderPlaced");
    }
  }

  /** What the operations page shows, over the SockJS bridge it uses: the services' health, the metrics and the events. */
  @Test
  void adminsWatchTheServicesTheMetricsAndTheEventsOnKafka() {
    try (SockJsFrames admin = new SockJsFrames(shop.origin()); TcpFrames client = new TcpFrames(tcpPort)) {
      admin.send(register(PublicBus.OPS_SERVICES, ann.token()));
      JsonObject refused = admin.read();
      assertThat(refused.getString("type")).isEqualTo("err");
      assertThat(refused.getString("message")).contains("admin role");
      assertThat(admin.read().getString("body")).as("then the library's own").isEqualTo("rejected");

      for (String feed : List.of(PublicBus.OPS_SERVICES, PublicBus.OPS_METRICS, PublicBus.OPS_EVENTS)) {
        admin.send(register(feed, adminToken));
      }
      // The feed shows events from the moment its consumer has its partitions, a few seconds after the
      // gateway starts: until one of the orders is seen, each snapshot of the services brings another.
      List<String> orderIds = new ArrayList<>();
      orderIds.add(placeOrder(client));
      JsonObject services = null;
      JsonObject metrics = null;
      List<String> orderEvents = new ArrayList<>();
      while (services == null || metrics == null || orderEvents.stream().noneMatch(e -> e.startsWith("orders "))) {
        JsonObject frame = admin.read();
        assertThat(frame.getString("type")).as(frame.encode()).isEqualTo("rec");
        JsonObject body = frame.getJsonObject("body");
        switch (frame.getString("address")) {
          case PublicBus.OPS_SERVICES -> {
            services = body;
            if (orderEvents.isEmpty()) {
              orderIds.add(placeOrder(client));
              admin.send(new JsonObject().put("type", "ping"));
            }
          }
          case PublicBus.OPS_METRICS -> metrics = body;
          case PublicBus.OPS_EVENTS -> {
            if (orderIds.contains(body.getString("key"))) {
              assertThat(body.getJsonObject("payload")).isNotNull();
              orderEvents.add(body.getString("topic") + " " + body.getString("type"));
            }
          }
          default -> throw new AssertionError("a frame from no feed it registered: " + frame.encode());
        }
      }
      Map<String, String> instances = new HashMap<>();
      services.getJsonArray("services").stream().map(JsonObject.class::cast)
          .flatMap(service -> service.getJsonArray("instances").stream().map(JsonObject.class::cast))
          .forEach(instance -> instances.put(instance.getString("id"), instance.getString("status")));
      assertThat(instances).containsEntry(INSTANCE, "passing");
      assertThat(instances.keySet()).anyMatch(id -> id.startsWith("order-service"));
      assertThat(metrics.getBoolean("available")).as(metrics.encode()).isTrue();
      assertThat(metrics.getJsonArray("breakers")).as("every instance's breakers, from Prometheus").isNotNull();
      assertThat(orderEvents).as("the order's own events, keyed by its id").contains("orders order.created");
    }
  }

  @Test
  void theSockJsBridgeKeepsTheSameRules() {
    try (SockJsFrames client = new SockJsFrames(shop.origin())) {
      client.send(new JsonObject().put("type", "send").put("address", PublicBus.PRODUCTS_LIST).put("replyAddress", "r1")
          .put("body", new JsonObject()));
      JsonObject noToken = client.read();
      assertThat(noToken.getString("address")).isEqualTo("r1");
      assertThat(noToken.getInteger("failureCode")).isEqualTo(401);
      assertThat(noToken.getString("message")).contains("bearer token is required");

      assertThat(client.read().getString("body")).as("then the library's own").isEqualTo("rejected");

      client.send(register(PublicBus.orderStatusOf(bob.id()), ann.token()));
      assertThat(client.read().getString("message")).contains("your own orders only");

      client.send(register(PublicBus.orderStatusOf(ann.id()), ann.token()));
      client.send(new JsonObject().put("type", "send").put("address", PublicBus.ORDERS_PLACE).put("replyAddress", "r2")
          .put("headers", auth(ann.token())).put("body", order(productId)));
      List<String> events = new ArrayList<>();
      String orderId = null;
      while (!events.contains("OrderConfirmed")) {
        JsonObject frame = client.read();
        if ("r2".equals(frame.getString("address"))) {
          orderId = frame.getJsonObject("body").getString("id");
        } else if (PublicBus.orderStatusOf(ann.id()).equals(frame.getString("address"))) {
          events.add(frame.getJsonObject("body").getString("event"));
        }
      }
      assertThat(orderId).isNotNull();
      assertThat(events).startsWith("OrderPlaced").endsWith("OrderConfirmed");
    }

    try (SockJsFrames oversized = new SockJsFrames(shop.origin())) {
      oversized.sendText(new JsonObject().put("type", "ping").put("padding", "x".repeat(100_000)).encode());
      assertThat(oversized.closesAfterErrors()).as("a message over the limit closes the connection").isTrue();
    }
    try (SockJsFrames malformed = new SockJsFrames(shop.origin())) {
      malformed.sendText("{\"type\":");
      assertThat(malformed.read().getString("type")).isEqualTo("err");
      malformed.send(new JsonObject().put("type", "send").put("address", PublicBus.PRODUCTS_LIST)
          .put("replyAddress", "r3").put("headers", auth(ann.token())).put("body", new JsonObject()));
      assertThat(malformed.read().getJsonObject("body").getJsonArray("items")).as("still serving").isNotNull();
    }
  }

  /** The status changes of one order, from the customer's feed, until it is CONFIRMED or CANCELLED. */
  private static List<JsonObject> watchUntilSettled(TcpFrames client, Customer customer, String orderId) {
    List<JsonObject> changes = new ArrayList<>();
    String feed = PublicBus.orderStatusOf(customer.id());
    while (changes.isEmpty() || !List.of("CONFIRMED", "CANCELLED").contains(changes.get(changes.size() - 1)
        .getString("status"))) {
      JsonObject frame = client.read();
      assertThat(frame.getString("type")).as(frame.encode()).isEqualTo("message");
      assertThat(frame.getString("address")).isEqualTo(feed);
      if (orderId.equals(frame.getJsonObject("body").getString("orderId"))) {
        changes.add(frame.getJsonObject("body"));
      }
    }
    return changes;
  }

  private static void assertRefused(JsonObject answer, int status, String because) {
    assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("err");
    assertThat(answer.getInteger("failureCode")).as(answer.encode()).isEqualTo(status);
    assertThat(answer.getString("message")).contains(because);
  }

  /** Sends a request and reads frames until its answer (a message or an err frame to its reply address). */
  private static JsonObject request(TcpFrames client, String address, JsonObject body, String token) {
    String replyAddress = UUID.randomUUID().toString();
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress)
        .put("body", body);
    if (token != null) {
      frame.put("headers", auth(token));
    }
    client.send(frame);
    List<JsonObject> overtaking = new ArrayList<>();
    while (true) {
      JsonObject answer = client.read();
      if (replyAddress.equals(answer.getString("address"))) {
        overtaking.forEach(client::putBack);
        return answer;
      }
      assertThat(answer.getString("type")).as("an unexpected frame while waiting for an answer: " + answer.encode())
          .isEqualTo("message");
      overtaking.add(answer);
    }
  }

  private static String placeOrder(TcpFrames client) {
    return request(client, PublicBus.ORDERS_PLACE, order(productId), bob.token()).getJsonObject("body").getString("id");
  }

  private static JsonObject register(String address, String token) {
    JsonObject frame = new JsonObject().put("type", "register").put("address", address);
    return token == null ? frame : frame.put("headers", auth(token));
  }

  private static JsonObject auth(String token) {
    return new JsonObject().put(PublicBus.AUTHORIZATION, "Bearer " + token);
  }

  private static JsonObject order(String productId) {
    return new JsonObject().put("idempotencyKey", UUID.randomUUID().toString())
        .put("items", new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", 1)))
        .put("shippingAddress", "1 Main Street");
  }

  private static Customer register() {
    String email = "bridge-" + UUID.randomUUID() + "@example.com";
    Http api = shop.api();
    Response registered = api.post("/users", new JsonObject().put("email", email).put("name", "Bridge customer")
        .put("password", "correct horse").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return new Customer(registered.json().getString("id"), login(email, "correct horse"));
  }

  private static String login(String email, String password) {
    Response token = shop.api().post("/auth/token", new JsonObject().put("email", email).put("password", password)
        .encode(), null);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return token.json().getString("accessToken");
  }
}
