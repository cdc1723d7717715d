package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import shop.contracts.users.UserSummary;

/** The data user-service last gave for each customer: what the saga goes on when user-service cannot be reached. */
public interface KnownUsers {

  Future<Optional<UserSummary>> find(String userId);

  /** Keeps the user's data, in the caller's transaction. */
  Future<Void> remember(SqlClient tx, UserSummary user);
}
