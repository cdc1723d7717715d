package shop.testing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import shop.platform.boot.ClusterSettings;

/** A Vert.x that joins the test profile's event-bus cluster, as a clustered client in another JVM would. */
public final class TestCluster {

  private TestCluster() {
  }

  public static Vertx join() {
    JsonObject cluster = new JsonObject()
        .put("cluster.name", TestInfra.clusterName())
        .put("cluster.host", "127.0.0.1")
        .put("cluster.port", TestInfra.clusterPort())
        .put("cluster.port-count", 100);
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(ClusterSettings.eventBus(cluster)))
        .withClusterManager(ClusterSettings.clusterManager(cluster))
        .buildClustered()
        .await();
  }
}
