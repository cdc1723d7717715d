package shop.platform.discovery;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.consul.CheckOptions;
import io.vertx.ext.consul.CheckStatus;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.ServiceOptions;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.spi.ServiceExporter;
import io.vertx.servicediscovery.spi.ServicePublisher;
import io.vertx.servicediscovery.types.HttpEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports this instance's service discovery records to Consul, one Consul service instance per
 * record, each with an HTTP check against the instance's {@code /health/ready}. Vert.x has an
 * importer for Consul ({@code ConsulServiceImporter}) but no exporter: this is the other half.
 *
 * <p>The record type becomes a Consul tag, so the importer brings the records back as records of
 * the same type; event-bus records carry their address in the {@code endpoint} meta field. Only the
 * records marked with this instance's id ({@link #INSTANCE}) are exported: the ones the importer
 * publishes into the same discovery came from Consul and stay there.
 */
public final class ConsulServiceExporter implements ServiceExporter {

  /** The metadata key, and Consul meta key, naming the instance a record belongs to. */
  public static final String INSTANCE = "instance";

  private final ConsulClient consul;
  private final String serviceName;
  private final String instanceId;
  private final String advertisedHost;
  private final int httpPort;
  private final String checkInterval;
  private final String deregisterCriticalAfter;
  /** The Consul service id of each exported record, by registration id, once Consul has it (or failed to). */
  private final Map<String, Future<String>> exported = new ConcurrentHashMap<>();

  /**
   * @param httpPort where Consul finds {@code /health/ready}
   * @param checkInterval how often Consul probes it, e.g. {@code "2s"}
   * @param deregisterCriticalAfter how long an instance may fail its check before Consul drops it
   */
  public ConsulServiceExporter(ConsulClient consul, String serviceName, String instanceId, String advertisedHost,
      int httpPort, String checkInterval, String deregisterCriticalAfter) {
    this.consul = consul;
    this.serviceName = serviceName;
    this.instanceId = instanceId;
    this.advertisedHost = advertisedHost;
    this.httpPort = httpPort;
    this.checkInterval = checkInterval;
    this.deregisterCriticalAfter = deregisterCriticalAfter;
  }

  @Override
  public void init(Vertx vertx, ServicePublisher publisher, JsonObject configuration, Promise<Void> future) {
    future.complete();
  }

  /** Marks a record as this instance's own, to be exported once published. */
  public Record owned(Record record) {
    record.getMetadata().put(INSTANCE, instanceId);
    return record;
  }

  @Override
  public void onPublish(Record record) {
    if (!instanceId.equals(record.getMetadata().getString(INSTANCE))) {
      return;
    }
    ServiceOptions service = toConsulService(record);
    exported.put(record.getRegistration(), consul.registerService(service).map(service.getId()));
  }

  @Override
  public void onUpdate(Record record) {
    // The records this instance publishes do not change: a new port or address is a new instance.
  }

  @Override
  public void onUnpublish(String registration) {
    Future<String> serviceId = exported.remove(registration);
    if (serviceId != null) {
      serviceId.compose(consul::deregisterService);
    }
  }

  /** Completes once Consul has the record of that registration, or fails with Consul's answer. */
  public Future<Void> exported(String registration) {
    Future<String> serviceId = exported.get(registration);
    return serviceId == null
        ? Future.failedFuture(new IllegalArgumentException("not an exported record: " + registration))
        : serviceId.mapEmpty();
  }

  /** Removes every exported record from Consul: no new traffic is sent to this instance. */
  public Future<Void> withdrawAll() {
    List<Future<Void>> removals = exported.values().stream()
        .map(serviceId -> serviceId.compose(consul::deregisterService))
        .toList();
    exported.clear();
    return Future.all(removals).mapEmpty();
  }

  @Override
  public void close(Handler<Void> closeHandler) {
    withdrawAll().onComplete(done -> closeHandler.handle(null));
  }

  /**
   * Consul meta keys allow letters, digits, '-' and '_' only: {@code service.interface} becomes
   * {@code service_interface}.
   */
  static String metaKey(String key) {
    return key.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /**
   * The service's own API is registered under the instance's id, any other record under
   * {@code <instance>:<name>}. A record with a port of its own (a TCP endpoint) is checked by a TCP
   * connection to it; the others by the instance's {@code /health/ready}.
   */
  ServiceOptions toConsulService(Record record) {
    boolean http = HttpEndpoint.TYPE.equals(record.getType());
    Integer ownPort = http ? null : record.getLocation().getInteger("port");
    Map<String, String> meta = new HashMap<>();
    if (!http && ownPort == null) {
      meta.put("endpoint", record.getLocation().getString(Record.ENDPOINT));
    }
    record.getMetadata().forEach(entry -> meta.put(metaKey(entry.getKey()), String.valueOf(entry.getValue())));
    CheckOptions check = new CheckOptions()
        .setInterval(checkInterval)
        .setDeregisterAfter(deregisterCriticalAfter);
    if (ownPort != null) {
      // Published once it listens: passing from the start, rather than critical until the first probe.
      check.setName("listening").setTcp(advertisedHost + ":" + ownPort).setStatus(CheckStatus.PASSING);
    } else {
      check.setName("ready").setHttp("http://" + advertisedHost + ":" + httpPort + "/health/ready");
    }
    boolean ownApi = http && serviceName.equals(record.getName());
    return new ServiceOptions()
        .setName(record.getName())
        .setId(ownApi ? instanceId : instanceId + ":" + record.getName())
        .setAddress(advertisedHost)
        .setPort(ownPort != null ? ownPort : httpPort)
        .setTags(List.of(record.getType()))
        .setMeta(meta)
        .setCheckOptions(check);
  }
}
