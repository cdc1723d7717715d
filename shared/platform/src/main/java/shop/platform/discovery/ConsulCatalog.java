package shop.platform.discovery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.servicediscovery.ServiceDiscovery;
import io.vertx.servicediscovery.ServiceDiscoveryOptions;
import io.vertx.servicediscovery.Status;
import io.vertx.servicediscovery.consul.ConsulServiceImporter;
import java.util.Objects;
import shop.platform.config.ServiceConfig;

/**
 * The services Consul knows, seen through Vert.x service discovery: the Consul bridge
 * ({@link ConsulServiceImporter}) imports every instance whose checks pass, again every
 * {@code discovery.scan-period-ms}, as a record of the type {@link ConsulRegistry} tagged it with.
 */
public final class ConsulCatalog {

  // The records stay in this JVM: each service that looks services up imports what it needs, and a
  // lookup is a map read rather than a round trip through the cluster.
  private static final String LOCAL_BACKEND = "vertx-service-discovery-backend-local";

  private final ServiceDiscovery discovery;

  private ConsulCatalog(ServiceDiscovery discovery) {
    this.discovery = discovery;
  }

  /** Imports Consul's catalog once, then keeps following it. */
  public static Future<ConsulCatalog> start(Vertx vertx, ServiceConfig config) {
    System.setProperty(LOCAL_BACKEND, "true");
    ServiceDiscovery discovery = ServiceDiscovery.create(vertx, new ServiceDiscoveryOptions());
    JsonObject consul = new JsonObject()
        .put("host", config.getString("consul.host"))
        .put("port", config.getInt("consul.port"))
        .put("scan-period", config.getInt("discovery.scan-period-ms"));
    return discovery.registerServiceImporter(new ConsulServiceImporter(), consul)
        .onFailure(e -> discovery.close())
        .map(v -> new ConsulCatalog(discovery));
  }

  /** Whether an instance of the service of that name (an event-bus address, or a service's name) passes its checks. */
  public Future<Boolean> hasPassingInstance(String name) {
    return discovery.getRecord(record -> name.equals(record.getName()) && record.getStatus() == Status.UP)
        .map(Objects::nonNull);
  }
}
