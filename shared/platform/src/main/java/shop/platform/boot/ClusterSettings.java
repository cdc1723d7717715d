package shop.platform.boot;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * The clustered event bus: Hazelcast members found over TCP, multicast off. Members are looked for
 * on a port range of {@code cluster.members} (host names; blank: {@code cluster.host} itself, for
 * every service on one machine), or, on Kubernetes, at the addresses of the headless service
 * {@code cluster.kubernetes-service-dns}.
 */
public final class ClusterSettings {

  private ClusterSettings() {
  }

  public static HazelcastClusterManager clusterManager(JsonObject config) {
    String host = config.getString("cluster.host");
    int port = config.getInteger("cluster.port");
    int portCount = config.getInteger("cluster.port-count");

    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(config.getString("cluster.name"));
    // The platform leaves the cluster itself on shutdown, after unregistering from Consul.
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    // Notice a killed member within seconds rather than the default minute (a killed process closes
    // its connections, which members notice at once; heartbeats catch a hung one).
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "3");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
    // At rest a member should cost nothing: no metrics collection or health monitor thread, and few
    // partitions (the cluster holds only the event bus's small registration maps, not data).
    hazelcast.getMetricsConfig().setEnabled(false);
    hazelcast.setProperty("hazelcast.health.monitoring.level", "OFF");
    hazelcast.setProperty("hazelcast.partition.count", "31");
    // A member given without a port is looked for on this many ports from cluster.port on.
    hazelcast.setProperty("hazelcast.tcp.join.port.try.count", String.valueOf(Math.min(portCount, 20)));

    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true).setPortCount(portCount);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    String kubernetesService = config.getString("cluster.kubernetes-service-dns");
    if (!kubernetesService.isBlank()) {
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", kubernetesService)
          .setProperty("service-port", String.valueOf(port));
    } else {
      String members = config.getString("cluster.members");
      join.getTcpIpConfig().setEnabled(true).setMembers(members.isBlank() ? List.of(host) : List.of(members.split(",")));
    }
    return new HazelcastClusterManager(hazelcast);
  }

  public static EventBusOptions eventBus(JsonObject config) {
    String host = config.getString("cluster.host");
    return new EventBusOptions().setHost(host).setClusterPublicHost(host).setPort(0);
  }
}
