package shop.gateway.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import shop.contracts.bridge.PublicBus;
import shop.contracts.bridge.ShopMetrics;
import shop.contracts.bridge.ShopMetrics.BreakerState;
import shop.contracts.bridge.ShopMetrics.OrderRate;

/**
 * Publishes {@link PublicBus#OPS_METRICS} every {@code ops.metrics-interval-ms}, read from Prometheus
 * ({@code prometheus.url}) with the recording rules the dashboards use. Without Prometheus the feed
 * goes on, saying the metrics are unavailable and why.
 */
public final class MetricsFeed {

  static final String ORDERS = "shop:orders_finished:rate1m";
  static final String SAGA_P50 = "shop:saga_duration_seconds:p50_5m";
  static final String SAGA_P99 = "shop:saga_duration_seconds:p99_5m";
  static final String BREAKERS = "max by (service, instance, breaker) (shop_breaker_state)";
  private static final Map<String, String> BREAKER_STATES = Map.of("0", "CLOSED", "1", "HALF_OPEN", "2", "OPEN");
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final HttpClient http;
  private final String prometheusUrl;

  MetricsFeed(HttpClient http, String prometheusUrl) {
    this.http = http;
    this.prometheusUrl = prometheusUrl.replaceAll("/+$", "");
  }

  public static void start(Vertx vertx, String prometheusUrl, long intervalMs) {
    MetricsFeed feed = new MetricsFeed(vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) intervalMs).setIdleTimeout(30)), prometheusUrl);
    vertx.setPeriodic(intervalMs, id -> feed.snapshot()
        .onSuccess(metrics -> vertx.eventBus().publish(PublicBus.OPS_METRICS, metrics.toJson(), LOCAL)));
  }

  /** The metrics now; never a failed future: an unreadable Prometheus gives {@link ShopMetrics#unavailable}. */
  Future<ShopMetrics> snapshot() {
    Instant now = Instant.now();
    if (prometheusUrl.isEmpty()) {
      return Future.succeededFuture(ShopMetrics.unavailable(now, "no Prometheus is configured (prometheus.url)"));
    }
    Future<JsonArray> orders = query(ORDERS);
    Future<JsonArray> p50 = query(SAGA_P50);
    Future<JsonArray> p99 = query(SAGA_P99);
    Future<JsonArray> breakers = query(BREAKERS);
    return Future.all(orders, p50, p99, breakers)
        .map(all -> new ShopMetrics(now, true, null, orderRates(orders.result()), single(p50.result()),
            single(p99.result()), breakerStates(breakers.result())))
        .otherwise(e -> ShopMetrics.unavailable(now, "Prometheus at " + prometheusUrl + " cannot be read: "
            + e.getMessage()));
  }

  private Future<JsonArray> query(String promql) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
        .setAbsoluteURI(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return http.request(request)
        .compose(sent -> sent.send())
        .compose(response -> response.body().compose(body -> response.statusCode() == 200
            ? Future.succeededFuture(body.toJsonObject().getJsonObject("data").getJsonArray("result"))
            : Future.failedFuture("HTTP " + response.statusCode() + " for " + promql)));
  }

  static List<OrderRate> orderRates(JsonArray series) {
    return series.stream().map(JsonObject.class::cast)
        .map(s -> new OrderRate(label(s, "status"), label(s, "reason"), Double.parseDouble(value(s))))
        .sorted(Comparator.comparing(OrderRate::status).thenComparing(OrderRate::reason))
        .toList();
  }

  static List<BreakerState> breakerStates(JsonArray series) {
    return series.stream().map(JsonObject.class::cast)
        .map(s -> new BreakerState(label(s, "service"), label(s, "instance"), label(s, "breaker"),
            BREAKER_STATES.getOrDefault(value(s), "UNKNOWN")))
        .sorted(Comparator.comparing(BreakerState::service).thenComparing(BreakerState::instance)
            .thenComparing(BreakerState::breaker))
        .toList();
  }

  /** The value of a one-series answer; null when there is none or it is not a number (no orders yet). */
  static Double single(JsonArray series) {
    if (series.isEmpty()) {
      return null;
    }
    double value = Double.parseDouble(value(series.getJsonObject(0)));
    return Double.isFinite(value) ? value : null;
  }

  private static String label(JsonObject series, String name) {
    return series.getJsonObject("metric").getString(name, "");
  }

  private static String value(JsonObject series) {
    return series.getJsonArray("value").getString(1);
  }
}
