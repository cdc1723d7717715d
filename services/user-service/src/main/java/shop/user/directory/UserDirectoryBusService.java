package shop.user.directory;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import java.util.Optional;
import java.util.UUID;
import shop.contracts.users.UserDirectory;
import shop.contracts.users.UserSummary;
import shop.platform.ids.Uuids;
import shop.user.account.User;
import shop.user.account.UserRepository;

/** The {@code users} event-bus service: lookups by id for other services. */
public final class UserDirectoryBusService implements UserDirectory {

  private final UserRepository users;

  public UserDirectoryBusService(UserRepository users) {
    this.users = users;
  }

  @Override
  public Future<UserSummary> findById(String id) {
    Optional<UUID> uuid = Uuids.parse(id);
    if (uuid.isEmpty()) {
      return ServiceException.fail(NOT_FOUND, "No user " + id);
    }
    return users.findById(uuid.get()).compose(user -> user
        .map(User::summary)
        .map(Future::succeededFuture)
        .orElseGet(() -> ServiceException.fail(NOT_FOUND, "No user " + id)));
  }
}
