package shop.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.contracts.users.UserDirectory;
import shop.contracts.users.UserSummary;

/**
 * A service published in discovery must be callable from every member of the cluster at once: its
 * record is published as soon as {@link ServiceContext#serveEventBus} completes, however long the
 * cluster takes to learn of the registration.
 */
class ServeEventBusTest {

  private static final int ADDRESSES = 5;
  private static final long REGISTRATION_DELAY_MS = 300;

  private Vertx server;
  private Vertx caller;

  @BeforeEach
  void joinTwoMembers() throws IOException {
    JsonObject cluster = new JsonObject()
        .put("cluster.name", "serve-event-bus-" + UUID.randomUUID())
        .put("cluster.host", "127.0.0.1")
        .put("cluster.port", freePort())
        .put("cluster.port-count", 10);
    server = clustered(cluster, new SlowToRegister(ClusterSettings.clusterManager(cluster), REGISTRATION_DELAY_MS));
    caller = clustered(cluster, ClusterSettings.clusterManager(cluster));
  }

  @AfterEach
  void leave() {
    Future.join(caller.close(), server.close()).await();
  }

  @Test
  void anotherMemberCanCallTheServiceAsSoonAsItIsServed() {
    ServiceContext context = new ServiceContext(server, "users-test", "users-test-1", "127.0.0.1", null, null, null, null, null, null);
    List<Future<UserSummary>> answers = new ArrayList<>();
    for (int i = 0; i < ADDRESSES; i++) {
      String address = "users-" + i;
      UserDirectory directory = id -> Future.succeededFuture(new UserSummary(id, "ada@example.com", "Ada", List.of()));
      answers.add(context.serveEventBus(address, UserDirectory.class, directory)
          .compose(served -> new ServiceProxyBuilder(caller).setAddress(address).build(UserDirectory.class).findById(address)));
    }

    List<UserSummary> found = Future.all(answers).await().list();

    assertThat(found).extracting(UserSummary::getId).hasSize(ADDRESSES).startsWith("users-0").endsWith("users-4");
    assertThat(context.records()).hasSize(ADDRESSES);
  }

  private static Vertx clustered(JsonObject cluster, ClusterManager manager) {
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(ClusterSettings.eventBus(cluster)))
        .withClusterManager(manager)
        .buildClustered()
        .await();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
