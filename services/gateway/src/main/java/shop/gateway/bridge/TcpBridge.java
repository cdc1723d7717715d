package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TCP event-bus bridge, for programs in any language: the wire protocol of Vert.x's
 * {@code vertx-tcp-eventbus-bridge} (each frame a 4-byte big-endian length, then that many bytes of
 * JSON), served by the gateway on {@code bridge.tcp-port}. Each connection is a
 * {@link TcpBridgeConnection}; this class holds the connection limit.
 */
public final class TcpBridge {

  private final Vertx vertx;
  private final BridgePolicy policy;
  private final BridgeLimits limits;
  private final AtomicInteger open = new AtomicInteger();

  public TcpBridge(Vertx vertx, BridgePolicy policy, BridgeLimits limits) {
    this.vertx = vertx;
    this.policy = policy;
    this.limits = limits;
  }

  /** Listens on the port (0 for any free one); the future gives the server, for its actual port. */
  public Future<NetServer> listen(String host, int port) {
    NetServer server = vertx.createNetServer(new NetServerOptions()
        .setHost(host)
        .setPort(port)
        // A client that sends nothing, not even a ping, for this long is gone: its connection is closed.
        .setReadIdleTimeout((int) limits.idleTimeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    server.connectHandler(socket -> {
      if (open.incrementAndGet() > limits.maxConnections()) {
        open.decrementAndGet();
        TcpBridgeConnection.refuseAndClose(socket, "too many connections to this bridge; try again later");
        return;
      }
      new TcpBridgeConnection(vertx, socket, policy, limits, open::decrementAndGet).start();
    });
    return server.listen();
  }
}
