package shop.gateway.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.consul.Check;
import io.vertx.ext.consul.CheckStatus;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.ServiceEntry;
import io.vertx.ext.consul.ServiceEntryList;
import io.vertx.ext.consul.Service;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.bridge.PublicBus;
import shop.contracts.bridge.ServicesHealth;

/**
 * Publishes {@link PublicBus#OPS_SERVICES} every {@code ops.services-interval-ms}: every service in
 * Consul's catalog and each of its instances with the worst status of its checks. Each gateway
 * publishes to its own bridge clients only, so a client hears one snapshot however many gateways run.
 */
public final class ServicesHealthFeed {

  private static final Logger log = LoggerFactory.getLogger(ServicesHealthFeed.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;
  private final ConsulClient consul;

  private ServicesHealthFeed(Vertx vertx, ConsulClient consul) {
    this.vertx = vertx;
    this.consul = consul;
  }

  public static void start(Vertx vertx, ConsulClient consul, long intervalMs) {
    ServicesHealthFeed feed = new ServicesHealthFeed(vertx, consul);
    vertx.setPeriodic(intervalMs, id -> feed.snapshot()
        .onSuccess(health -> vertx.eventBus().publish(PublicBus.OPS_SERVICES, health.toJson(), LOCAL))
        .onFailure(e -> log.warn("cannot read the services' health from Consul: {}", e.getMessage())));
  }

  Future<ServicesHealth> snapshot() {
    return consul.catalogServices().compose(catalog -> Future.all(catalog.getList().stream()
            .map(Service::getName)
            .filter(name -> !"consul".equals(name))
            .sorted()
            .map(name -> consul.healthServiceNodes(name, false).map(entries -> service(name, entries)))
            .toList()))
        .map(all -> new ServicesHealth(Instant.now(), all.<ServicesHealth.Service>list()));
  }

  private static ServicesHealth.Service service(String name, ServiceEntryList entries) {
    return new ServicesHealth.Service(name, entries.getList().stream()
        .map(ServicesHealthFeed::instance)
        .sorted(Comparator.comparing(ServicesHealth.Instance::id))
        .toList());
  }

  private static ServicesHealth.Instance instance(ServiceEntry entry) {
    CheckStatus worst = entry.getChecks().stream().map(Check::getStatus)
        .max(Comparator.comparingInt(ServicesHealthFeed::severity))
        .orElse(CheckStatus.PASSING);
    return new ServicesHealth.Instance(entry.getService().getId(), entry.getService().getAddress(),
        entry.getService().getPort(), worst.name().toLowerCase(Locale.ROOT));
  }

  private static int severity(CheckStatus status) {
    return switch (status) {
      case PASSING -> 0;
      case WARNING -> 1;
      case CRITICAL -> 2;
    };
  }
}
