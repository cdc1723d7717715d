package shop.platform.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Mounts a service's public API; called once per HTTP server verticle instance. */
@FunctionalInterface
public interface ApiRoutes {

  /** Adds routes to a router mounted at {@code /api/v1}, so {@code "/users"} serves {@code /api/v1/users}. */
  void mount(Router api, Vertx vertx);

  /** Adds routes beside {@code /api/v1}, to the server's root router (the gateway's event-bus bridge). */
  default void mountBeside(Router root, Vertx vertx) {
  }
}
