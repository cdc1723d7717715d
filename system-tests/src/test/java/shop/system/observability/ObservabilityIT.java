package shop.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import shop.system.hostile.ShopBehindGateway;
import shop.testing.Await;
import shop.testing.Http;
import shop.testing.Http.Response;

/**
 * The whole shop as its operators see it, behind a gateway of its own, with the saga run by events
 * between the participants (choreography, the mode whose steps cross Kafka): an order is one trace
 * in Zipkin from the gateway on ({@code OrderScenarios} checks both modes below the gateway);
 * Prometheus finds every service through Consul and loads every rule; the dashboard renders with data
 * in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

  private static final int GATEWAY_PORT = 18085;
  private static final Set<String> SERVICES = Set.of("gateway", "user-service", "inventory-service",
      "order-service", "payment-service", "shipping-service", "notification-service");
  private static final Set<String> ALERTS = Set.of("ServiceErrorRateHigh", "CircuitBreakerOpen",
      "OutboxBacklogGrowing", "ConsumerLagHigh", "SagaSlow", "InstanceDown");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private ShopBehindGateway shop;

  @BeforeAll
  void start() {
    shop = ShopBehindGateway.start("observability", GATEWAY_PORT, "choreography");
  }

  @AfterAll
  void stop() {
    shop.close();
  }

  @Test
  @Order(1)
  void anOrderPlacedThroughTheGatewayIsOneTraceFromTheGatewayThroughEveryService() {
    Http api = shop.api();
    String email = "traced-" + UUID.randomUUID() + "@example.com";
    api.post("/users", new JsonObject().put("email", email).put("name", "Traced").put("password", "correct horse")
        .encode(), null);
    String token = api.post("/auth/token", new JsonObject().put("email", email).put("password", "correct horse")
        .encode(), null).json().getString("accessToken");
    String product = api.get("/products?size=100", null).items().stream()
        .filter(item -> item.getInteger("stock") > 0).findFirst().orElseThrow().getString("id");

    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callersSpan = "00f067aa0ba902b7";
    Response placed = api.post("/orders", new JsonObject()
            .put("items", new JsonArray().add(new JsonObject().put("productId", product).put("quantity", 1)))
            .put("shippingAddress", "1 Main Street").encode(),
        token, "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-" + callersSpan + "-01");
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    String orderId = placed.json().getString("id");
    Await.until(Duration.ofSeconds(60), "order " + orderId + " to be confirmed",
        () -> "CONFIRMED".equals(api.get("/orders/" + orderId, token).json().getString("status")));

    ZipkinTraces.Trace trace = ZipkinTraces.await(traceId, Set.of("gateway", "order-service", "inventory-service",
        "payment-service", "shipping-service", "notification-service"));

    ZipkinTraces.Span root = trace.roots().get(0);
    assertThat(trace.roots()).as(trace.describe()).hasSize(1);
    assertThat(root.service()).isEqualTo("gateway");
    assertThat(root.kind()).isEqualTo("SERVER");
    assertThat(root.name()).isEqualToIgnoringCase("placeOrder");
    assertThat(root.parentId()).as("the caller's span").isEqualTo(callersSpan);
    assertThat(trace.of("order-service", "SERVER")).as("order-service's HTTP request:%n%s", trace.describe())
        .filteredOn(span -> span.name().equals("post"))
        .singleElement().satisfies(span -> assertThat(trace.parentOf(span)).contains(root));
    for (String participant : Set.of("inventory-service", "payment-service", "shipping-service",
        "notification-service")) {
      assertThat(trace.spans()).filteredOn(span -> span.service().equals(participant))
          .as("%s's spans, each below the gateway's and an order-service span:%n%s", participant, trace.describe())
          .isNotEmpty()
          .allSatisfy(span -> assertThat(trace.ancestorsOf(span)).extracting(ZipkinTraces.Span::service)
              .contains("order-service", "gateway"));
    }
  }

  @Test
  @Order(2)
  void prometheusScrapesEveryServiceItFindsInConsul() {
    Await.until(Duration.ofSeconds(60), "an up target in Prometheus for each of " + SERVICES, () ->
        Prometheus.activeTargets().stream()
            .filter(target -> "up".equals(target.getString("health")))
            .map(target -> target.getJsonObject("labels").getString("service"))
            .collect(Collectors.toSet()).containsAll(SERVICES));
    assertThat(Prometheus.activeTargets())
        .as("only the services' own HTTP endpoints are scraped, not their event-bus or bridge records")
        .allSatisfy(target -> assertThat(SERVICES).contains(target.getJsonObject("labels").getString("service")));
  }

  @Test
  @Order(3)
  void everyRecordingAndAlertRuleLoadsAndEvaluates() {
    Await.until(Duration.ofSeconds(60), "every rule evaluated without error", () ->
        Prometheus.rules().stream().allMatch(rule -> "ok".equals(rule.getString("health"))));
    List<JsonObject> rules = Prometheus.rules();
    assertThat(rules).filteredOn(rule -> "alerting".equals(rule.getString("type")))
        .extracting(rule -> rule.getString("name")).containsExactlyInAnyOrderElementsOf(ALERTS);
    assertThat(rules).filteredOn(rule -> "recording".equals(rule.getString("type"))).isNotEmpty();
  }

  @Test
  @Order(4)
  void theDashboardRendersWithDataInABrowser() throws Exception {
    String dashboard = Prometheus.url() + "/consoles/shop.html";
    Await.until(Duration.ofSeconds(60), "the dashboard to show every service and the confirmed order", () -> {
      String dom = Chromium.renderedDom(dashboard);
      return SERVICES.stream().allMatch(service -> dom.contains("<td>" + service + "</td>"))
          && dom.contains(">CONFIRMED</td>") && dom.contains("<span class=\"ok\">closed</span>");
    });
    Files.createDirectories(SCREENSHOTS);
    Path screenshot = SCREENSHOTS.resolve("dashboard.png");
    Chromium.screenshot(dashboard, screenshot, 1500);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
