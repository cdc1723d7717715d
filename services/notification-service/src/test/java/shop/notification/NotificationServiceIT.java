package shop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.events.EventEnvelope;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http.Response;
import shop.testing.Http;
import shop.testing.ServiceDatabase;
import shop.testing.ServiceProcess;
import shop.testing.TestTokens;

/**
 * notification-service in its own JVM, without an SMTP server (notifications are RECORDED), fed
 * order events through the real Kafka. Events of one order share a key, so they are consumed in
 * the order sent: once a later event's notification shows, the earlier events have been handled.
 */
class NotificationServiceIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static ServiceProcess service;
  private static Http api;
  private static OrdersTopic orders;
  private static Vertx vertx;
  private static Pool database;

  @BeforeAll
  static void start() {
    service = ServiceProcess.start("notification-service", "notification-service-it-1", Map.of());
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
    orders = new OrdersTopic();
    vertx = Vertx.vertx();
    database = ServiceDatabase.open(vertx, "notifications");
  }

  @AfterAll
  static void stop() {
    orders.close();
    service.close();
    vertx.close().await();
  }

  @Test
  void eachConfirmedOrCancelledOrderNotifiesItsCustomerOnceEvenWhenTheEventComesTwice() {
    String userId = UUID.randomUUID().toString();
    String email = "ann-" + userId + "@example.com";
    String orderId = UUID.randomUUID().toString();
    EventEnvelope confirmed = OrdersTopic.confirmed(orderId, userId, email, 1250, "EUR");

    orders.publish(OrdersTopic.created(orderId, userId));
    orders.publish(confirmed);
    orders.publish(confirmed);
    orders.publish(OrdersTopic.cancelled(orderId, userId, email, "CANCELLED_BY_CUSTOMER"));

    List<JsonObject> items = awaitNotifications(userId, n -> n.getString("kind").equals("ORDER_CANCELLED"));
    assertThat(items).extracting(n -> n.getString("kind")).as("newest first, one per event, none for order.created")
        .containsExactly("ORDER_CANCELLED", "ORDER_CONFIRMED");
    JsonObject confirmation = items.get(1);
    assertThat(confirmation.getString("orderId")).isEqualTo(orderId);
    assertThat(confirmation.getString("recipient")).isEqualTo(email);
    assertThat(confirmation.getString("subject")).isEqualTo("Your order " + orderId.substring(0, 8).toUpperCase()
        + " is confirmed");
    assertThat(confirmation.getString("body")).contains("12.50 EUR");
    assertThat(confirmation.getString("status")).as("no SMTP server configured").isEqualTo("RECORDED");
    assertThat(confirmation.getString("createdAt")).isNotBlank();
    assertThat(confirmation.containsKey("sentAt")).isTrue();
    assertThat(confirmation.getString("sentAt")).isNull();
    assertThat(items.get(0).getString("body")).contains("you cancelled it");

    Response someoneElse = api.get("/notifications", TestTokens.customer(UUID.randomUUID().toString()));
    assertThat(someoneElse.status()).isEqualTo(200);
    assertThat(someoneElse.json().getJsonArray("items")).isEmpty();
  }

  @Test
  void aBurstOfEventsEachSentTwiceIsAppliedOnceEachInFewerTransactionsThanEvents() {
    String userId = UUID.randomUUID().toString();
    List<String> orderIds = new ArrayList<>();
    List<UUID> eventIds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String orderId = UUID.randomUUID().toString();
      orderIds.add(orderId);
      EventEnvelope confirmed = OrdersTopic.confirmed(orderId, userId, "eve@example.com", 100 + i, "EUR");
      eventIds.add(confirmed.id());
      orders.publish(confirmed);
      orders.publish(confirmed);
    }

    Await.until(TIMEOUT, "40 notifications", () -> notifications(userId).size() >= 40);

    assertThat(notifications(userId)).extracting(n -> n.getString("orderId"))
        .as("one per order, though each event came twice, most of them in the same poll")
        .containsExactlyInAnyOrderElementsOf(orderIds);
    // processed_at is the transaction's start time (now()): one value per transaction.
    long transactions = database.preparedQuery("SELECT count(DISTINCT processed_at) AS transactions "
            + "FROM processed_events WHERE event_id = ANY($1)")
        .execute(Tuple.tuple().addArrayOfUUID(eventIds.toArray(UUID[]::new))).await()
        .iterator().next().getLong("transactions");
    assertThat(transactions).as("the events of a poll are applied in one transaction").isLessThan(40);
  }

  @Test
  void aMalformedEventIsSkippedWithoutHoldingBackTheNextOnes() {
    String userId = UUID.randomUUID().toString();
    String orderId = UUID.randomUUID().toString();

    orders.publish(OrdersTopic.confirmed(orderId, userId, "", 1250, "EUR"));
    orders.publish(OrdersTopic.cancelled(orderId, userId, "bob@example.com", "OUT_OF_STOCK"));

    assertThat(awaitNotifications(userId, n -> true)).extracting(n -> n.getString("kind"))
        .containsExactly("ORDER_CANCELLED");
  }

  @Test
  void notificationsArePagedNewestFirst() {
    String userId = UUID.randomUUID().toString();
    for (int i = 1; i <= 3; i++) {
      orders.publish(OrdersTopic.confirmed(UUID.randomUUID().toString(), userId, "cy@example.com", i * 100, "EUR"));
    }
    String token = TestTokens.customer(userId);
    Await.until(TIMEOUT, "three notifications", () -> notifications(userId).size() == 3);

    JsonObject first = api.get("/notifications?page=0&size=2", token).json();
    JsonObject second = api.get("/notifications?page=1&size=2", token).json();

    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(first.getBoolean("hasMore")).isTrue();
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(second.getBoolean("hasMore")).isFalse();
    List<String> createdAt = List.of(
        first.getJsonArray("items").getJsonObject(0).getString("createdAt"),
        first.getJsonArray("items").getJsonObject(1).getString("createdAt"),
        second.getJsonArray("items").getJsonObject(0).getString("createdAt"));
    assertThat(createdAt.stream().map(OffsetDateTime::parse).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void theListNeedsATokenAndAValidPage() {
    assertThat(api.get("/notifications", null).isProblem(401)).isTrue();
    assertThat(api.get("/notifications", "not.a.token").isProblem(401)).isTrue();

    String token = TestTokens.customer(UUID.randomUUID().toString());
    for (String query : List.of("page=-1", "page=x", "size=0", "size=101", "size=ten")) {
      Response bad = api.get("/notifications?" + query, token);
      assertThat(bad.isProblem(400)).as(query).isTrue();
      assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void notificationsAreCountedByKindAndStatus() {
    String userId = UUID.randomUUID().toString();
    orders.publish(OrdersTopic.confirmed(UUID.randomUUID().toString(), userId, "dee@example.com", 999, "EUR"));
    awaitNotifications(userId, n -> true);

    String metrics = new Http(Consul.address(service.instanceId())).get("/metrics", null).body();

    assertThat(metrics.lines().filter(line -> line.startsWith("notifications_total{")))
        .anySatisfy(line -> assertThat(line).contains("kind=\"ORDER_CONFIRMED\"").contains("status=\"RECORDED\""));
  }

  /** The user's notifications, once one of them matches. */
  private static List<JsonObject> awaitNotifications(String userId, Predicate<JsonObject> awaited) {
    Await.until(TIMEOUT, "a notification for " + userId, () -> notifications(userId).stream().anyMatch(awaited));
    return notifications(userId);
  }

  private static List<JsonObject> notifications(String userId) {
    Response response = api.get("/notifications?size=100", TestTokens.customer(userId));
    assertThat(response.status()).isEqualTo(200);
    return response.items();
  }
}
