package shop.contracts.users;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** User lookups for other services, served by user-service on the clustered event bus. */
@ProxyGen
public interface UserDirectory {

  /** The event-bus address, and the name of the service record in discovery. */
  String ADDRESS = "users";

  /** Failure code of {@link io.vertx.serviceproxy.ServiceException} when no such user exists. */
  int NOT_FOUND = 404;

  /** Finds a user by id; fails with a {@code ServiceException} coded {@link #NOT_FOUND} when there is none. */
  Future<UserSummary> findById(String id);

  static UserDirectory createProxy(Vertx vertx) {
    return new UserDirectoryVertxEBProxy(vertx, ADDRESS);
  }
}
