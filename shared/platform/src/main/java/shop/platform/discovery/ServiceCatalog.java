package shop.platform.discovery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.ServiceDiscovery;
import io.vertx.servicediscovery.ServiceDiscoveryOptions;
import io.vertx.servicediscovery.Status;
import io.vertx.servicediscovery.consul.ConsulServiceImporter;
import io.vertx.servicediscovery.types.EventBusService;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import shop.platform.config.ServiceConfig;

/**
 * This instance's Vert.x service discovery. The Consul bridge ({@link ConsulServiceImporter}) imports
 * every service instance whose checks pass, again every {@code discovery.scan-period-ms}; what this
 * instance publishes goes to Consul through the {@link ConsulServiceExporter}. Lookups read the
 * imported records.
 */
public final class ServiceCatalog {

  // The records stay in this JVM: every service imports the catalog itself, and a lookup is a map read
  // rather than a round trip through the cluster (the default backend is a cluster-wide map).
  private static final String LOCAL_BACKEND = "vertx-service-discovery-backend-local";

  private final Vertx vertx;
  private final ServiceDiscovery discovery;
  private final Map<String, Object> proxies = new ConcurrentHashMap<>();
  private ConsulServiceExporter exporter;

  private ServiceCatalog(Vertx vertx, ServiceDiscovery discovery) {
    this.vertx = vertx;
    this.discovery = discovery;
  }

  /** Imports Consul's catalog once, then keeps following it. */
  public static Future<ServiceCatalog> start(Vertx vertx, ServiceConfig config) {
    System.setProperty(LOCAL_BACKEND, "true");
    ServiceDiscovery discovery = ServiceDiscovery.create(vertx, new ServiceDiscoveryOptions());
    JsonObject consul = new JsonObject()
        .put("host", config.getString("consul.host"))
        .put("port", config.getInt("consul.port"))
        .put("scan-period", config.getInt("discovery.scan-period-ms"));
    return discovery.registerServiceImporter(new ConsulServiceImporter(), consul)
        .onFailure(e -> discovery.close())
        .map(v -> new ServiceCatalog(vertx, discovery));
  }

  /**
   * The proxy of an event-bus service, at the address its record gives, while Consul has a passing
   * instance of it. Otherwise the future fails at once, as a call nobody answers would
   * ({@code NO_HANDLERS}), without waiting for a timeout.
   */
  @SuppressWarnings("unchecked")
  public <S> Future<S> eventBusService(String name, Class<S> contract) {
    return discovery.getRecord(record -> record.getStatus() == Status.UP && name.equals(record.getName())
            && EventBusService.TYPE.equals(record.getType()))
        .compose(record -> {
          Optional<String> address = Optional.ofNullable(record).map(ServiceCatalog::eventBusAddress);
          return address.isEmpty()
              ? Future.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS,
                  "no instance of " + name + " passes its checks in Consul"))
              : Future.succeededFuture((S) proxies.computeIfAbsent(address.get(),
                  endpoint -> new ServiceProxyBuilder(vertx).setAddress(endpoint).build(contract)));
        });
  }

  /**
   * The address of an imported event-bus record: the importer keeps Consul's service as the record's
   * metadata, with the {@code endpoint} meta field {@link ConsulServiceExporter} wrote.
   */
  private static String eventBusAddress(Record record) {
    JsonObject meta = record.getMetadata().getJsonObject("ServiceMeta");
    return meta == null ? null : meta.getString("endpoint");
  }

  /**
   * Publishes this instance's records, marked as its own, and waits until Consul has each of them.
   * The exporter is registered on first use: it needs the HTTP port, known once the service serves.
   */
  public Future<Void> publish(List<Record> records, ConsulServiceExporter consul) {
    Future<Void> exporting = exporter == null
        ? discovery.registerServiceExporter(consul, new JsonObject()).onSuccess(v -> exporter = consul)
        : Future.succeededFuture();
    return exporting.compose(v -> Future.all(records.stream().map(record -> {
      return discovery.publish(consul.owned(record)).compose(published -> exporter.exported(published.getRegistration())
          .recover(e -> discovery.unpublish(published.getRegistration()).transform(ignored -> Future.failedFuture(e))));
    }).toList())).mapEmpty();
  }

  /** Takes this instance out of Consul, then stops importing. */
  public Future<Void> close() {
    Future<Void> withdrawn = exporter == null ? Future.succeededFuture() : exporter.withdrawAll();
    return withdrawn.onComplete(done -> discovery.close());
  }
}
