package shop.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.contracts.bridge.ShopMetrics;
import shop.contracts.bridge.ShopMetrics.BreakerState;
import shop.contracts.bridge.ShopMetrics.OrderRate;

/** The metrics feed against an HTTP server that answers Prometheus' query API with fixed series. */
class MetricsFeedTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void readsOrderRatesSagaLatencyAndBreakerStates() {
    int port = prometheus(Map.of(
        MetricsFeed.ORDERS, new JsonArray()
            .add(series(new JsonObject().put("status", "CONFIRMED").put("reason", ""), "0.5"))
            .add(series(new JsonObject().put("status", "CANCELLED").put("reason", "OUT_OF_STOCK"), "0.25")),
        MetricsFeed.SAGA_P50, new JsonArray().add(series(new JsonObject(), "0.2")),
        MetricsFeed.SAGA_P99, new JsonArray().add(series(new JsonObject(), "NaN")),
        MetricsFeed.BREAKERS, new JsonArray()
            .add(series(new JsonObject().put("service", "order-service").put("instance", "order-service-1")
                .put("breaker", "payments"), "2"))
            .add(series(new JsonObject().put("service", "gateway").put("instance", "gateway-1")
                .put("breaker", "user-service"), "0"))));

    ShopMetrics metrics = feed("http://127.0.0.1:" + port + "/").snapshot().await();

    assertThat(metrics.available()).isTrue();
    assertThat(metrics.ordersPerSecond()).containsExactly(new OrderRate("CANCELLED", "OUT_OF_STOCK", 0.25),
        new OrderRate("CONFIRMED", "", 0.5));
    assertThat(metrics.sagaP50Seconds()).isEqualTo(0.2);
    assertThat(metrics.sagaP99Seconds()).as("no orders in the window: NaN").isNull();
    assertThat(metrics.breakers()).containsExactly(
        new BreakerState("gateway", "gateway-1", "user-service", "CLOSED"),
        new BreakerState("order-service", "order-service-1", "payments", "OPEN"));
    assertThat(metrics.toJson().getJsonObject("sagaSeconds").getValue("p99")).isNull();
  }

  @Test
  void saysWhyWhenPrometheusCannotBeRead() {
    int port = prometheus(Map.of());

    ShopMetrics failing = feed("http://127.0.0.1:" + port).snapshot().await();
    ShopMetrics unconfigured = feed("").snapshot().await();

    assertThat(failing.available()).isFalse();
    assertThat(failing.toJson().getString("reason")).contains("cannot be read", "HTTP 400");
    assertThat(unconfigured.toJson().getString("reason")).contains("prometheus.url");
  }

  private MetricsFeed feed(String url) {
    return new MetricsFeed(vertx.createHttpClient(), url);
  }

  /** A server that answers each known query with its series, and any other with 400 as Prometheus would. */
  private int prometheus(Map<String, JsonArray> answers) {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      JsonArray result = answers.get(request.getParam("query"));
      if (!"/api/v1/query".equals(request.path()) || result == null) {
        request.response().setStatusCode(400).end(new JsonObject().put("status", "error").encode());
        return;
      }
      request.response().end(new JsonObject().put("status", "success")
          .put("data", new JsonObject().put("resultType", "vector").put("result", result)).encode());
    });
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  private static JsonObject series(JsonObject labels, String value) {
    return new JsonObject().put("metric", labels).put("value", new JsonArray().add(1_700_000_000.0).add(value));
  }
}
