package shop.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.consul.CheckStatus;
import io.vertx.ext.consul.ConsulClientOptions;
import io.vertx.ext.consul.ServiceEntry;
import io.vertx.ext.consul.ServiceEntryList;
import io.vertx.ext.consul.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the instances of each upstream service in Consul with blocking queries ({@link Watch#service}):
 * an instance that registers, deregisters or fails its health check changes the gateway's list within
 * moments, without a restart. Only instances whose every check passes receive traffic. If Consul
 * cannot be reached, the last known instances keep serving.
 */
public final class Discovery {

  private static final Logger log = LoggerFactory.getLogger(Discovery.class);

  private final Map<String, ServiceInstances> services;
  private final List<Watch<ServiceEntryList>> watches = new ArrayList<>();

  private Discovery(Map<String, ServiceInstances> services) {
    this.services = services;
  }

  /** Starts watching the services; completes once each has been looked up once (successfully or not). */
  public static Future<Discovery> start(Vertx vertx, ConsulClientOptions consul, List<String> names,
      long ejectMillis) {
    Discovery discovery = new Discovery(names.stream()
        .collect(Collectors.toMap(Function.identity(), name -> new ServiceInstances(name, ejectMillis))));
    List<Future<Void>> firstAnswers = new ArrayList<>();
    for (ServiceInstances instances : discovery.services.values()) {
      Promise<Void> answered = Promise.promise();
      firstAnswers.add(answered.future());
      discovery.watches.add(Watch.service(instances.service(), vertx, consul).setHandler(result -> {
        if (result.succeeded()) {
          List<Instance> healthy = passing(result.nextResult());
          if (!healthy.equals(instances.healthy())) {
            log.info("{}: {} healthy instance(s) {}", instances.service(), healthy.size(),
                healthy.stream().map(Instance::id).toList());
          }
          instances.update(healthy);
        } else {
          log.warn("cannot look up {} in Consul, keeping its last known instances: {}", instances.service(),
              result.cause().getMessage());
        }
        answered.tryComplete();
      }).start());
    }
    return Future.join(firstAnswers).map(discovery);
  }

  /** The instances of a service the route table names. */
  public ServiceInstances instances(String service) {
    return services.get(service);
  }

  public void stop() {
    watches.forEach(Watch::stop);
  }

  static List<Instance> passing(ServiceEntryList entries) {
    if (entries == null || entries.getList() == null) {
      return List.of();
    }
    return entries.getList().stream()
        .filter(entry -> entry.getChecks().stream().allMatch(check -> check.getStatus() == CheckStatus.PASSING))
        .map(Discovery::instance)
        .sorted(java.util.Comparator.comparing(Instance::id))
        .toList();
  }

  private static Instance instance(ServiceEntry entry) {
    String address = entry.getService().getAddress();
    if (address == null || address.isBlank()) {
      address = entry.getNode().getAddress();
    }
    return new Instance(entry.getService().getId(), address, entry.getService().getPort());
  }
}
