package shop.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static JsonObject settings() {
    return new JsonObject().put("cluster.name", "shop-unit").put("cluster.host", "127.0.0.1")
        .put("cluster.port", 5701).put("cluster.port-count", 10)
        .put("cluster.members", "").put("cluster.kubernetes-service-dns", "");
  }

  private static JoinConfig join(JsonObject settings) {
    return ClusterSettings.clusterManager(settings).getConfig().getNetworkConfig().getJoin();
  }

  @Test
  void onOneMachineMembersAreLookedForOnTheClusterHostItself() {
    JoinConfig join = join(settings());

    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
  }

  @Test
  void acrossContainersMembersAreLookedForByHostName() {
    JoinConfig join = join(settings().put("cluster.members", "gateway,order-service"));

    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("gateway", "order-service");
  }

  @Test
  void onKubernetesMembersAreTheAddressesOfTheHeadlessService() {
    JoinConfig join = join(settings().put("cluster.kubernetes-service-dns", "shop-cluster.shop.svc.cluster.local"));

    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns")).isEqualTo("shop-cluster.shop.svc.cluster.local");
  }

  @Test
  void anAutoAddressIsTheOneThisHostsNameResolvesTo() throws Exception {
    assertThat(HostAddress.resolve("auto")).isEqualTo(InetAddress.getLocalHost().getHostAddress());
    assertThat(HostAddress.resolve("10.0.0.7")).isEqualTo("10.0.0.7");
  }

  /** As across containers: each member on an address of its own, the others found by name. */
  @Test
  void membersOnDifferentAddressesFindEachOtherThroughClusterMembers() throws Exception {
    // A second address every Linux machine has: the whole of 127.0.0.0/8 is on the loopback interface.
    String otherAddress = "127.0.0.2";
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    JsonObject first = settings().put("cluster.name", "members-" + UUID.randomUUID()).put("cluster.port", port)
        .put("cluster.host", "127.0.0.1").put("cluster.members", "localhost," + otherAddress);
    JsonObject second = first.copy().put("cluster.host", otherAddress);
    Vertx one = clustered(first);
    Vertx two = clustered(second);
    try {
      // Registered once the registration has reached the cluster, so the other member can find it.
      one.eventBus().consumer("ping", message -> message.reply("pong")).completion().await();
      String answer = two.eventBus().<String>request("ping", "").await().body();
      assertThat(answer).isEqualTo("pong");
    } finally {
      Future.join(one.close(), two.close()).await();
    }
  }

  private static Vertx clustered(JsonObject settings) {
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(ClusterSettings.eventBus(settings)))
        .withClusterManager(ClusterSettings.clusterManager(settings))
        .buildClustered()
        .await();
  }
}
