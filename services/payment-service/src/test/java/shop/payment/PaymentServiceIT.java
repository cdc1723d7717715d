package shop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.contracts.payments.ChargeRequest;
import shop.contracts.payments.PaymentResult;
import shop.contracts.payments.Payments;
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

/** payment-service in its own JVM against the real PostgreSQL, Kafka, Consul and clustered event bus. */
class PaymentServiceIT {

  private static final String FAILURE_RATE_KEY = "config/payment-service/provider.failure-rate";

  private static ServiceProcess service;
  private static Http api;
  private static Vertx client;
  private static Payments payments;
  private static Pool database;
  private static EventPublisher publisher;

  @BeforeAll
  static void start() {
    Consul.deleteTree(FAILURE_RATE_KEY);
    client = TestCluster.join();
    // The topics the saga consumer reads, so that this test can publish to them before their owners ran.
    publisher = EventPublisher.to(client, List.of("inventory", "shipping", "orders"));
    // No outbox sweep during the tests: each event must leave because the outbox announced it.
    service = ServiceProcess.start("payment-service", "payment-service-it-1",
        Map.of("CONFIG_SCAN_PERIOD_MS", "200", "OUTBOX_SWEEP_INTERVAL_MS", "3600000"));
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
    payments = Payments.createProxy(client);
    database = ServiceDatabase.open(client, "payments");
  }

  @AfterAll
  static void stop() {
    Consul.deleteTree(FAILURE_RATE_KEY);
    if (service != null) {
      service.close();
    }
    if (client != null) {
      client.close().await();
    }
  }

  @Test
  void aChargeIsCapturedOnceWithOneLedgerEntryAndOneEvent() {
    ChargeRequest request = charge(UUID.randomUUID(), 2500);

    PaymentResult first = payments.charge(request).await();
    PaymentResult repeat = payments.charge(request).await();

    assertThat(first.getStatus()).isEqualTo(PaymentResult.CAPTURED);
    assertThat(first.getPaymentId()).isNotNull();
    assertThat(first.getOrderId()).isEqualTo(request.getOrderId());
    assertThat(first.getAmountMinor()).isEqualTo(2500);
    assertThat(first.getCurrency()).isEqualTo("EUR");
    assertThat(repeat.toJson()).isEqualTo(first.toJson());
    assertThat(ledger(first.getPaymentId())).containsExactly("CHARGE 2500 EUR");
    assertThat(events(request.getOrderId(), "payment.captured")).singleElement()
        .satisfies(data -> assertThat(data.getString("paymentId")).isEqualTo(first.getPaymentId()));
  }

  @Test
  void tenConcurrentChargesWithOneKeyMakeOnePayment() {
    ChargeRequest request = charge(UUID.randomUUID(), 990);

    List<Future<PaymentResult>> calls = IntStream.range(0, 10).mapToObj(i -> payments.charge(request)).toList();
    Future.all(calls).await();

    assertThat(calls.stream().map(call -> call.result().getPaymentId()).distinct()).hasSize(1);
    assertThat(calls.stream().map(call -> call.result().getStatus())).containsOnly(PaymentResult.CAPTURED);
    assertThat(ledger(calls.get(0).result().getPaymentId())).containsExactly("CHARGE 990 EUR");
    assertThat(events(request.getOrderId(), "payment.captured")).hasSize(1);
  }

  @Test
  void anAmountEndingIn13IsDeclinedAsAnOutcome() {
    ChargeRequest request = charge(UUID.randomUUID(), 1013);

    PaymentResult declined = payments.charge(request).await();

    assertThat(declined.getStatus()).isEqualTo(PaymentResult.DECLINED);
    assertThat(declined.getReason()).isEqualTo("CARD_DECLINED");
    assertThat(payments.charge(request).await().getPaymentId()).isEqualTo(declined.getPaymentId());
    assertThat(ledger(declined.getPaymentId())).isEmpty();
    assertThat(events(request.getOrderId(), "payment.declined")).hasSize(1);
    assertThat(payments.refund(request.getOrderId()).await().getStatus())
        .as("nothing to refund: the current state").isEqualTo(PaymentResult.DECLINED);
  }

  @Test
  void aRefundHappensOnce() {
    ChargeRequest request = charge(UUID.randomUUID(), 4200);
    String paymentId = payments.charge(request).await().getPaymentId();

    PaymentResult refunded = payments.refund(request.getOrderId()).await();
    PaymentResult again = payments.refund(request.getOrderId()).await();

    assertThat(refunded.getStatus()).isEqualTo(PaymentResult.REFUNDED);
    assertThat(refunded.getPaymentId()).isEqualTo(paymentId);
    assertThat(again.toJson()).isEqualTo(refunded.toJson());
    assertThat(ledger(paymentId)).containsExactlyInAnyOrder("CHARGE 4200 EUR", "REFUND -4200 EUR");
    assertThat(events(request.getOrderId(), "payment.refunded")).hasSize(1);
    assertThat(payments.charge(request).await().getStatus()).as("a repeated charge does not recharge")
        .isEqualTo(PaymentResult.REFUNDED);
  }

  @Test
  void refundingAnOrderWithoutPaymentAnswersNone() {
    String orderId = UUID.randomUUID().toString();

    PaymentResult none = payments.refund(orderId).await();

    assertThat(none.getStatus()).isEqualTo(PaymentResult.NONE);
    assertThat(none.getOrderId()).isEqualTo(orderId);
  }

  @Test
  void invalidRequestsFailWith400() {
    String order = UUID.randomUUID().toString();
    String user = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    assertFailsWith(400, payments.charge(new ChargeRequest(order, user, 0, "EUR", key)));
    assertFailsWith(400, payments.charge(new ChargeRequest(order, user, -5, "EUR", key)));
    assertFailsWith(400, payments.charge(new ChargeRequest(order, user, 100, null, key)));
    assertFailsWith(400, payments.charge(new ChargeRequest(null, user, 100, "EUR", key)));
    assertFailsWith(400, payments.charge(new ChargeRequest(order, user, 100, "EUR", null)));
    assertFailsWith(400, payments.refund("not-a-uuid"));
    assertThat(list(user, null).getJsonArray("items")).as("nothing stored").isEmpty();
  }

  @Test
  void whileTheProviderFailsAChargeFailsAndStaysPendingThenTheSameKeyCapturesOnce() {
    UUID user = UUID.randomUUID();
    ChargeRequest request = charge(user, 1500);
    Consul.putKey(FAILURE_RATE_KEY, "1");
    try {
      Await.until(Duration.ofSeconds(10), "the failure rate to apply", () -> failsToCharge(charge(user, 100)));
      assertFailsWith(503, payments.charge(request));
      assertFailsWith(503, payments.charge(request));
      JsonObject pending = single(list(user.toString(), request.getOrderId()));
      assertThat(pending.getString("status")).isEqualTo("PENDING");
      assertThat(ledger(pending.getString("id"))).isEmpty();
    } finally {
      Consul.deleteTree(FAILURE_RATE_KEY);
      Await.until(Duration.ofSeconds(10), "the provider to recover", () -> !failsToCharge(request));
    }

    PaymentResult captured = payments.charge(request).await();
    assertThat(captured.getStatus()).isEqualTo(PaymentResult.CAPTURED);
    assertThat(single(list(user.toString(), request.getOrderId())).getString("id")).isEqualTo(captured.getPaymentId());
    assertThat(ledger(captured.getPaymentId())).containsExactly("CHARGE 1500 EUR");
    assertThat(events(request.getOrderId(), "payment.captured")).hasSize(1);
  }

  @Test
  void customersSeeTheirOwnPaymentsNewestFirst() {
    UUID owner = UUID.randomUUID();
    ChargeRequest older = charge(owner, 1000);
    ChargeRequest newer = charge(owner, 2013);
    String olderId = payments.charge(older).await().getPaymentId();
    String newerId = payments.charge(newer).await().getPaymentId();
    String token = TestTokens.customer(owner.toString());
    String stranger = TestTokens.customer(UUID.randomUUID().toString());

    Response mine = api.get("/payments", token);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("id")))
        .containsExactly(newerId, olderId);
    assertThat(mine.json().getBoolean("hasMore")).isFalse();

    JsonObject payment = api.get("/payments/" + newerId, token).json();
    assertThat(payment.fieldNames()).containsExactlyInAnyOrder("id", "orderId", "userId", "amountMinor", "currency",
        "status", "reason", "createdAt");
    assertThat(payment.getString("orderId")).isEqualTo(newer.getOrderId());
    assertThat(payment.getString("userId")).isEqualTo(owner.toString());
    assertThat(payment.getLong("amountMinor")).isEqualTo(2013);
    assertThat(payment.getString("status")).isEqualTo("DECLINED");
    assertThat(payment.getString("reason")).isEqualTo("CARD_DECLINED");

    Response byOrder = api.get("/payments?orderId=" + older.getOrderId(), token);
    assertThat(single(byOrder.json()).getString("id")).isEqualTo(olderId);
    Response paged = api.get("/payments?size=1&page=1", token);
    assertThat(single(paged.json()).getString("id")).isEqualTo(olderId);

    assertThat(api.get("/payments", stranger).json().getJsonArray("items")).isEmpty();
    assertThat(api.get("/payments?orderId=" + older.getOrderId(), stranger).json().getJsonArray("items")).isEmpty();
    assertThat(api.get("/payments/" + olderId, stranger).isProblem(404)).isTrue();
    assertThat(api.get("/payments/" + UUID.randomUUID(), token).isProblem(404)).isTrue();
    assertThat(api.get("/payments/not-a-uuid", token).isProblem(404)).isTrue();
  }

  @Test
  void paymentsNeedATokenAndValidParameters() {
    String token = TestTokens.customer(UUID.randomUUID().toString());

    assertThat(api.get("/payments", null).isProblem(401)).isTrue();
    assertThat(api.get("/payments/" + UUID.randomUUID(), null).isProblem(401)).isTrue();
    assertThat(api.get("/payments", "not.a.token").isProblem(401)).isTrue();

    Response badOrder = api.get("/payments?orderId=nope", token);
    assertThat(badOrder.isProblem(400)).isTrue();
    assertThat(badOrder.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("orderId");
    assertThat(api.get("/payments?size=0", token).isProblem(400)).isTrue();
    assertThat(api.get("/payments?page=x", token).isProblem(400)).isTrue();
  }

  @Test
  void outcomesAreCountedInPrometheusMetrics() {
    payments.charge(charge(UUID.randomUUID(), 700)).await();
    payments.charge(charge(UUID.randomUUID(), 713)).await();

    String metrics = new Http(Consul.address(service.instanceId())).get("/metrics", null).body();

    assertThat(metrics).containsPattern("payments_total\\{[^}]*outcome=\"captured\"")
        .containsPattern("payments_total\\{[^}]*outcome=\"declined\"");
  }

  @Test
  void inTheChoreographyReservedStockIsChargedOnceAndACancellationRefunded() {
    UUID orderId = UUID.randomUUID();
    UUID userId = UUID.randomUUID();
    JsonObject order = new JsonObject().put("orderId", orderId.toString()).put("userId", userId.toString())
        .put("email", "buyer@example.com")
        .put("lines", new JsonArray().add(new JsonObject().put("productId", UUID.randomUUID().toString())
            .put("quantity", 2)))
        .put("amountMinor", 3100).put("currency", "EUR").put("shippingAddress", "1 Main St");
    EventEnvelope reserved =
        EventEnvelope.of(EventType.STOCK_RESERVED, orderId.toString(), new JsonObject().put("order", order));

    publish("inventory", reserved);
    publish("inventory", reserved);
    publish("inventory",
        EventEnvelope.of(EventType.STOCK_RESERVED, orderId.toString(), new JsonObject().put("order", order)));

    Await.until(Duration.ofSeconds(30), "the order to be charged",
        () -> !events(orderId.toString(), "payment.captured").isEmpty());
    JsonObject captured = events(orderId.toString(), "payment.captured").get(0);
    assertThat(captured.getJsonObject("order")).isEqualTo(order);
    JsonObject payment = single(list(userId.toString(), orderId.toString()));
    assertThat(captured.getString("paymentId")).isEqualTo(payment.getString("id"));
    assertThat(payment.getLong("amountMinor")).isEqualTo(3100);

    publish("orders", EventEnvelope.of(EventType.ORDER_CANCEL_REQUESTED, orderId.toString(),
        new JsonObject().put("order", order)));

    Await.until(Duration.ofSeconds(30), "the order to be refunded",
        () -> !events(orderId.toString(), "payment.refunded").isEmpty());
    JsonObject refunded = events(orderId.toString(), "payment.refunded").get(0);
    assertThat(refunded.getJsonObject("order")).isEqualTo(order);
    assertThat(refunded.getString("paymentId")).isEqualTo(payment.getString("id"));
    assertThat(events(orderId.toString(), "payment.captured")).as("each reservation event charged once").hasSize(1);
    assertThat(ledger(payment.getString("id"))).containsExactlyInAnyOrder("CHARGE 3100 EUR", "REFUND -3100 EUR");
  }

  private static ChargeRequest charge(UUID userId, long amountMinor) {
    return new ChargeRequest(UUID.randomUUID().toString(), userId.toString(), amountMinor, "EUR",
        "it:" + UUID.randomUUID());
  }

  private static void assertFailsWith(int code, Future<?> call) {
    assertThatThrownBy(call::await).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.failureCode()).isEqualTo(code));
  }

  private static boolean failsToCharge(ChargeRequest request) {
    return payments.charge(request).transform(done -> Future.succeededFuture(done.failed())).await();
  }

  private static JsonObject list(String userId, String orderId) {
    Response response = api.get("/payments" + (orderId == null ? "" : "?orderId=" + orderId),
        TestTokens.customer(userId));
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private static JsonObject single(JsonObject page) {
    assertThat(page.getJsonArray("items")).hasSize(1);
    return page.getJsonArray("items").getJsonObject(0);
  }

  /** The payment's ledger entries as "KIND amount currency". */
  private static List<String> ledger(String paymentId) {
    List<String> entries = new ArrayList<>();
    database.preparedQuery("SELECT kind, amount_minor, currency FROM ledger_entries WHERE payment_id = $1")
        .execute(Tuple.of(UUID.fromString(paymentId))).await()
        .forEach(row -> entries.add(row.getString("kind") + " " + row.getLong("amount_minor") + " "
            + row.getString("currency")));
    return entries;
  }

  /** The data of the events of this type written to the outbox for the order, oldest first. */
  private static List<JsonObject> events(String orderId, String type) {
    return ServiceDatabase.outboxEvents(database, orderId, type);
  }

  private static void publish(String topic, EventEnvelope event) {
    publisher.publish(topic, event);
  }
}
