package shop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.TestInfra;

/** The config layers against a real Consul agent: defaults < file < environment < Consul KV, live. */
class ServiceConfigIT {

  private final Vertx vertx = Vertx.vertx();
  private final String service = "config-it-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void cleanUp() {
    Consul.deleteTree("config/" + service);
    vertx.close().await();
  }

  @Test
  void eachLayerOverridesTheOneBeforeAndConsulChangesApplyLive(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("service.json");
    Files.writeString(file, new JsonObject().put("from.file", "file").put("from.env", "file")
        .put("from.consul", "file").encode());
    JsonObject defaults = new JsonObject()
        .put("only.default", "default")
        .put("from.file", "default")
        .put("from.env", "default")
        .put("from.consul", "default")
        .put("rate.limit", 10)
        .put("consul.host", TestInfra.consulHost())
        .put("consul.port", TestInfra.consulPort())
        .put("config.file", file.toString())
        .put("config.scan-period-ms", 200);
    Consul.putKey("config/" + service + "/from.consul", "consul");
    Consul.putKey("config/" + service + "/rate.limit", "20");

    ServiceConfig config = ServiceConfig.load(vertx, service, defaults,
        Map.of("FROM_ENV", "env", "FROM_CONSUL", "env")).await();

    assertThat(config.getString("only.default")).isEqualTo("default");
    assertThat(config.getString("from.file")).isEqualTo("file");
    assertThat(config.getString("from.env")).isEqualTo("env");
    assertThat(config.getString("from.consul")).isEqualTo("consul");
    assertThat(config.getInt("rate.limit")).isEqualTo(20);

    AtomicInteger seen = new AtomicInteger();
    config.onChange(changed -> seen.set(changed.getInteger("rate.limit")));
    Consul.putKey("config/" + service + "/rate.limit", "50");

    Await.until(Duration.ofSeconds(10), "the new rate limit to arrive", () -> seen.get() == 50);
    assertThat(config.getInt("rate.limit")).isEqualTo(50);
  }
}
