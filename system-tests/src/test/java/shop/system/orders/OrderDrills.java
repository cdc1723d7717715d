package shop.system.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import shop.system.orders.ShopClient.Customer;
import shop.testing.Await;
import shop.testing.ServiceProcess;

/** Fault drills: the saga survives crashes and outages with no order lost and no effect doubled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderDrills {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String ADDRESS = "2 Drill Lane, Springfield";

  private ServiceProcess orderService;
  private SagaParticipants participants;
  private ShopClient shop;

  abstract String sagaMode();

  @BeforeAll
  void startServices() {
    participants = SagaParticipants.start();
    orderService = ServiceProcess.start("order-service", "order-service-" + sagaMode() + "-drills",
        Map.of("SAGA_MODE", sagaMode()));
    shop = new ShopClient(participants, orderService.instanceId());
  }

  @AfterAll
  void stopOrderService() {
    orderService.close();
  }

  @Test
  void orderServiceKilledWithAHundredOrdersInFlightFinishesEveryOneOfThem() throws Exception {
    int units = 70;
    String product = shop.createProduct(100, units);
    List<Customer> customers = customers(5);
    List<Placed> orders = placeConcurrently(customers, 100, i -> ShopClient.order(product, 1,
        i % 10 == 0 ? "UNDELIVERABLE " + i : ADDRESS));

    orderService.kill();
    orderService = orderService.restart();

    List<JsonObject> finals = orders.stream().map(o -> shop.awaitFinal(o.customer(), o.id())).toList();
    long confirmed = finals.stream().filter(o -> o.getString("status").equals("CONFIRMED")).count();
    assertThat(confirmed).isPositive();
    for (int i = 0; i < orders.size(); i++) {
      List<String> payments = shop.paymentsOf(orders.get(i).customer(), orders.get(i).id()).stream()
          .map(p -> p.getString("status")).toList();
      assertThat(payments).as("payments of order %s", finals.get(i)).hasSizeLessThanOrEqualTo(1);
      if (finals.get(i).getString("status").equals("CONFIRMED")) {
        assertThat(payments).containsExactly("CAPTURED");
      } else {
        assertThat(payments).doesNotContain("CAPTURED");
      }
    }
    JsonObject stock = shop.product(product);
    assertThat(stock.getInteger("reserved")).isZero();
    assertThat(stock.getInteger("sold")).isEqualTo((int) confirmed);
    assertThat(stock.getInteger("stock") + stock.getInteger("sold")).as("units conserved").isEqualTo(units);
  }

  @Test
  void ordersPlacedWhilePaymentsIsDownCompleteWhenItIsBack() throws Exception {
    String product = shop.createProduct(400, 10);
    Customer customer = shop.registerCustomer();
    participants.stopPayments();
    List<String> orderIds;
    try {
      orderIds = List.of(shop.placeOrder(customer, product, 1, ADDRESS), shop.placeOrder(customer, product, 2, ADDRESS));
      for (String orderId : orderIds) {
        Await.until(ShopClient.SAGA_TIMEOUT, "order " + orderId + " to wait for payment", () -> waitsForPayment(
            customer, orderId));
      }
    } finally {
      participants.startPayments();
    }

    for (String orderId : orderIds) {
      assertThat(shop.awaitFinal(customer, orderId).getString("status")).isEqualTo("CONFIRMED");
      assertThat(shop.paymentsOf(customer, orderId)).extracting(p -> p.getString("status"))
          .containsExactly("CAPTURED");
    }
  }

  @Test
  void aKnownCustomerCanStillOrderWhileUserServiceIsDown() {
    String product = shop.createProduct(600, 5);
    Customer customer = shop.registerCustomer();
    String before = shop.placeOrder(customer, product, 1, ADDRESS);
    assertThat(shop.awaitFinal(customer, before).getString("status")).isEqualTo("CONFIRMED");

    participants.stopUsers();
    try {
      String during = shop.placeOrder(customer, product, 1, ADDRESS);
      assertThat(shop.awaitFinal(customer, during).getString("status"))
          .as("validated against the user data order-service keeps").isEqualTo("CONFIRMED");
    } finally {
      participants.startUsers();
    }
  }

  /** Orchestration says so (PENDING_PAYMENT); a choreographed order shows its stock reserved and no charge. */
  private boolean waitsForPayment(Customer customer, String orderId) {
    JsonObject order = shop.getOrder(customer, orderId);
    if (sagaMode().equals("orchestration")) {
      return order.getString("status").equals("PENDING_PAYMENT");
    }
    return order.getString("status").equals("PENDING") && shop.orders()
        .get("/orders/" + orderId + "/history", customer.token()).body().contains("StockReserved");
  }

  @Test
  void aKafkaRestartLosesNoEventAndDuplicatesNoNotification() throws Exception {
    String product = shop.createProduct(200, 100);
    List<Customer> customers = customers(2);
    List<Placed> orders = placeConcurrently(customers, 10, i -> ShopClient.order(product, 1, ADDRESS));

    restartKafka();
    orders = new ArrayList<>(orders);
    orders.addAll(placeConcurrently(customers, 10, i -> ShopClient.order(product, 1, ADDRESS)));

    for (Placed order : orders) {
      assertThat(shop.awaitFinal(order.customer(), order.id()).getString("status")).isEqualTo("CONFIRMED");
      Await.until(ShopClient.SAGA_TIMEOUT, "the email of order " + order.id(),
          () -> !shop.notificationsOf(order.customer(), order.id()).isEmpty());
      assertThat(shop.notificationsOf(order.customer(), order.id())).hasSize(1);
    }
  }

  private record Placed(Customer customer, String id) {
  }

  private List<Customer> customers(int count) {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      customers.add(shop.registerCustomer());
    }
    return customers;
  }

  private List<Placed> placeConcurrently(List<Customer> customers, int count,
      java.util.function.IntFunction<String> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<CompletableFuture<Placed>> placed = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Customer customer = customers.get(i % customers.size());
        String request = body.apply(i);
        placed.add(CompletableFuture.supplyAsync(() -> {
          var response = shop.place(customer, java.util.UUID.randomUUID().toString(), request);
          assertThat(response.status()).as(response.body()).isEqualTo(202);
          return new Placed(customer, response.json().getString("id"));
        }, pool));
      }
      List<Placed> orders = new ArrayList<>();
      for (CompletableFuture<Placed> order : placed) {
        orders.add(order.get());
      }
      return orders;
    } finally {
      pool.shutdown();
    }
  }

  /** Stops the test profile's Kafka broker and starts it again with {@code ./shop infra up}. */
  private static void restartKafka() throws Exception {
    long pid = Long.parseLong(Files.readString(ROOT.resolve(".shop/test/pids/kafka.pid")).trim());
    ProcessHandle kafka = ProcessHandle.of(pid).orElseThrow();
    kafka.destroy();
    kafka.onExit().get(60, TimeUnit.SECONDS);
    ProcessBuilder infraUp = new ProcessBuilder(ROOT.resolve("shop").toString(), "infra", "up")
        .directory(ROOT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    infraUp.environment().put("SHOP_PROFILE", "test");
    infraUp.environment().remove("SHOP_STATE");
    Process up = infraUp.start();
    assertThat(up.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(up.exitValue()).isZero();
    Await.until(Duration.ofSeconds(30), "Kafka to accept connections", () -> {
      try (var socket = new java.net.Socket("127.0.0.1", Integer.parseInt(
          System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092").split(":")[1]))) {
        return true;
      } catch (java.io.IOException e) {
        return false;
      }
    });
  }
}
