package shop.platform.discovery;

import io.vertx.core.Future;
import io.vertx.ext.consul.CheckOptions;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.ServiceOptions;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.types.HttpEndpoint;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps this instance's service discovery records in Consul, one Consul service instance per record,
 * each with an HTTP check against the instance's {@code /health/ready}.
 *
 * <p>The record type becomes a Consul tag, so the Vert.x Consul bridge
 * ({@code io.vertx.servicediscovery.consul.ConsulServiceImporter}) imports them back as records of
 * the same type; event-bus records carry their address in the {@code endpoint} meta field.
 */
public final class ConsulRegistry {

  private final ConsulClient consul;
  private final String instanceId;
  private final String advertisedHost;
  private final String checkInterval;
  private final String deregisterCriticalAfter;
  // A set: publishing again after a failed attempt registers the same ids again.
  private final Set<String> registered = new LinkedHashSet<>();

  /**
   * @param checkInterval how often Consul probes {@code /health/ready}, e.g. {@code "2s"}
   * @param deregisterCriticalAfter how long an instance may fail its check before Consul drops it
   */
  public ConsulRegistry(ConsulClient consul, String instanceId, String advertisedHost, String checkInterval,
      String deregisterCriticalAfter) {
    this.consul = consul;
    this.instanceId = instanceId;
    this.advertisedHost = advertisedHost;
    this.checkInterval = checkInterval;
    this.deregisterCriticalAfter = deregisterCriticalAfter;
  }

  public Future<Void> publish(List<Record> records, int httpPort) {
    Future<Void> chain = Future.succeededFuture();
    for (Record record : records) {
      ServiceOptions service = toConsulService(record, httpPort);
      chain = chain.compose(v -> consul.registerService(service)).map(v -> {
        registered.add(service.getId());
        return null;
      });
    }
    return chain;
  }

  public Future<Void> unpublishAll() {
    List<Future<Void>> removals = registered.stream().map(consul::deregisterService).toList();
    return Future.all(removals).map(v -> {
      registered.clear();
      return null;
    });
  }

  /**
   * Consul meta keys allow letters, digits, '-' and '_' only: {@code service.interface} becomes
   * {@code service_interface}.
   */
  static String metaKey(String key) {
    return key.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  ServiceOptions toConsulService(Record record, int httpPort) {
    String host = advertisedHost;
    boolean http = HttpEndpoint.TYPE.equals(record.getType());
    Map<String, String> meta = new HashMap<>();
    meta.put("instance", instanceId);
    if (!http) {
      meta.put("endpoint", record.getLocation().getString(Record.ENDPOINT));
    }
    record.getMetadata().forEach(entry -> meta.put(metaKey(entry.getKey()), String.valueOf(entry.getValue())));
    return new ServiceOptions()
        .setName(record.getName())
        .setId(http ? instanceId : instanceId + ":" + record.getName())
        .setAddress(host)
        .setPort(httpPort)
        .setTags(List.of(record.getType()))
        .setMeta(meta)
        .setCheckOptions(new CheckOptions()
            .setName("ready")
            .setHttp("http://" + host + ":" + httpPort + "/health/ready")
            .setInterval(checkInterval)
            .setDeregisterAfter(deregisterCriticalAfter));
  }
}
