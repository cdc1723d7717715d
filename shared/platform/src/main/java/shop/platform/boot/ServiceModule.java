package shop.platform.boot;

import io.vertx.core.Future;

/**
 * A service, as the platform runs it: {@code main} calls {@link ServiceLauncher#launch(ServiceModule)},
 * the platform clusters, configures and instruments Vert.x, then calls {@link #start}.
 */
public interface ServiceModule {

  /** The service name: its Consul service name, its {@code config/<name>/} KV prefix and its defaults file. */
  String name();

  /**
   * Starts the service's own parts through the context: its database, its event-bus services and
   * its HTTP API. The platform publishes what was served in Consul once this future completes.
   */
  Future<Void> start(ServiceContext context);
}
