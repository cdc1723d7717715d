package shop.platform.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.kafka.admin.KafkaAdminClient;
import java.util.Map;
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
        .register("kafka", timeout, promise -> kafka.describeCluster()
            .map(cluster -> Status.OK().setData(new JsonObject()
                .put("brokers", cluster.getNodes().size())))
            .onComplete(promise))
        .register("consul", timeout, promise -> consul.leaderStatus()
            .map(leader -> leader.isEmpty() ? Status.KO() : Status.OK())
            .onComplete(promise));
  }
}
