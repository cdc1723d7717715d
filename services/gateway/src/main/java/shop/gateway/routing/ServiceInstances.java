package shop.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The healthy instances of one service and a round-robin pick among them, shared by every gateway
 * verticle. Discovery replaces the list as Consul reports changes; an instance the gateway just
 * failed to reach is left out for a while (passive health checking), because Consul notices a
 * dead instance only at its next check.
 */
public final class ServiceInstances {

  private final String service;
  private final long ejectMillis;
  private final AtomicInteger cursor = new AtomicInteger();
  private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();
  private volatile List<Instance> healthy = List.of();

  public ServiceInstances(String service, long ejectMillis) {
    this.service = service;
    this.ejectMillis = ejectMillis;
  }

  public String service() {
    return service;
  }

  /** Replaces the healthy instances with what discovery reports now. */
  public void update(List<Instance> instances) {
    healthy = List.copyOf(instances);
    Set<String> ids = instances.stream().map(Instance::id).collect(Collectors.toSet());
    ejectedUntil.keySet().retainAll(ids);
  }

  public List<Instance> healthy() {
    return healthy;
  }

  /**
   * The next instance in turn, other than {@code exclude} (an instance that just failed), preferring
   * instances that are not ejected; empty when there is none.
   */
  public Optional<Instance> next(Instance exclude, long nowMillis) {
    List<Instance> instances = healthy;
    int size = instances.size();
    Instance fallback = null;
    int start = Math.floorMod(cursor.getAndIncrement(), Math.max(size, 1));
    for (int i = 0; i < size; i++) {
      Instance candidate = instances.get((start + i) % size);
      if (candidate.equals(exclude)) {
        continue;
      }
      Long until = ejectedUntil.get(candidate.id());
      if (until == null || until <= nowMillis) {
        return Optional.of(candidate);
      }
      if (fallback == null) {
        fallback = candidate;
      }
    }
    // Every other instance was ejected recently: trying one beats failing for sure.
    return Optional.ofNullable(fallback);
  }

  /** Leaves an instance out of the rotation for a while after it refused a connection. */
  public void eject(Instance instance, long nowMillis) {
    ejectedUntil.put(instance.id(), nowMillis + ejectMillis);
  }
}
