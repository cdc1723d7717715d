package shop.platform.health;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.kafka.admin.KafkaAdminClient;
import java.util.Map;
import java.util.function.Supplier;
import shop.platform.config.ServiceConfig;

/** The readiness checks every service has: Kafka and Consul. Services add their own (the database). */
public final class Readiness {

  private Readiness() {
  }

  public static HealthChecks create(Vertx vertx, ServiceConfig config, ConsulClient consul) {
    long timeout = config.getLong("health.check-timeout-ms");
    KafkaAdminClient kafka = KafkaAdminClient.create(vertx, Map.of(
        "bootstrap.servers", config.getString("kafka.bootstrap-servers"),
        "request.timeout.ms", String.valueOf(timeout),
        "default.api.timeout.ms", String.valueOf(timeout)));
    return HealthChecks.create(vertx)
        .register("kafka", timeout, probe(() -> kafka.describeCluster()
            .map(cluster -> Status.OK().setData(new JsonObject().put("brokers", cluster.getNodes().size())))))
        .register("consul", timeout, probe(() -> consul.leaderStatus()
            .map(leader -> leader.isEmpty() ? Status.KO() : Status.OK())));
  }

  /**
   * A check procedure from an asynchronous probe. The health check fails the promise when its
   * timeout passes; an answer that comes later is then dropped rather than completing it twice.
   */
  public static Handler<Promise<Status>> probe(Supplier<Future<Status>> probe) {
    return promise -> probe.get().onComplete(result -> {
      if (result.succeeded()) {
        promise.tryComplete(result.result());
      } else {
        promise.tryFail(result.cause());
      }
    });
  }
}
