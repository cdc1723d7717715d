package shop.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
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
}
