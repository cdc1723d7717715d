package shop.platform.health;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.function.Supplier;
import shop.platform.config.ServiceConfig;

/**
 * The readiness checks every service has: Consul. Services add their own (the database). Kafka is not
 * one: a service that cannot reach it still serves, its events wait in the outbox, so an outage must
 * not take every instance out of Consul (and out of the gateway's and the saga's lookups).
 */
public final class Readiness {

  private Readiness() {
  }

  public static HealthChecks create(Vertx vertx, ServiceConfig config, ConsulClient consul) {
    long timeout = config.getLong("health.check-timeout-ms");
    return HealthChecks.create(vertx)
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
