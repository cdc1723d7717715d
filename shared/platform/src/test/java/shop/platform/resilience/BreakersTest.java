package shop.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.contracts.bridge.PublicBus;
import shop.platform.config.ServiceConfig;

class BreakersTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aBreakerAnnouncesEachStateChangeOnTheBusForTheAdminFeed() throws Exception {
    Promise<JsonObject> firstAnnouncement = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(PublicBus.BREAKERS, message -> firstAnnouncement.tryComplete(message.body()))
        .completion().await();
    ServiceConfig config = ServiceConfig.load(vertx, "breakers-test", new JsonObject()
        .put("config.consul", false)
        .put("breaker.max-failures", 2)
        .put("breaker.reset-timeout-ms", 60_000)).await();
    CircuitBreaker breaker = Breakers.create(vertx, "order-service", "order-service-1", "payments", config,
        new SimpleMeterRegistry(), -1);

    for (int call = 0; call < 2; call++) {
      breaker.execute(() -> Future.failedFuture("payment-service is down")).otherwiseEmpty().await();
    }

    JsonObject opened = firstAnnouncement.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(opened.getString("service")).isEqualTo("order-service");
    assertThat(opened.getString("instance")).isEqualTo("order-service-1");
    assertThat(opened.getString("breaker")).isEqualTo("payments");
    assertThat(opened.getString("state")).isEqualTo("OPEN");
  }
}
