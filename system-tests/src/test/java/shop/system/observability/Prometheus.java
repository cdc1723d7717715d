package shop.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import shop.testing.Http;

/** The test run's Prometheus ({@code SHOP_PROMETHEUS_URL}, set by ./shop test). */
final class Prometheus {

  private Prometheus() {
  }

  static String url() {
    String url = System.getenv("SHOP_PROMETHEUS_URL");
    assertThat(url).as("SHOP_PROMETHEUS_URL, set by ./shop test").isNotBlank();
    return url;
  }

  /** The targets Prometheus scrapes now, as its API lists them. */
  static List<JsonObject> activeTargets() {
    return data("/api/v1/targets?state=active").getJsonArray("activeTargets").stream()
        .map(JsonObject.class::cast).toList();
  }

  /** Every rule loaded, recording and alerting, with its health. */
  static List<JsonObject> rules() {
    return data("/api/v1/rules").getJsonArray("groups").stream().map(JsonObject.class::cast)
        .flatMap(group -> group.getJsonArray("rules").stream().map(JsonObject.class::cast)).toList();
  }

  private static JsonObject data(String path) {
    Http.Response response = new Http(url()).get(path, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getJsonObject("data");
  }
}
