package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.contracts.users.UserSummary;

/** {@link KnownUsers} in the {@code known_users} table. */
public final class KnownUsersTable implements KnownUsers {

  private final Pool pool;

  public KnownUsersTable(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<UserSummary>> find(String userId) {
    return pool.preparedQuery("SELECT email, name FROM known_users WHERE user_id = $1")
        .execute(Tuple.of(UUID.fromString(userId)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new UserSummary(userId, row.getString("email"), row.getString("name"), List.of()));
        });
  }

  /** Writes only when the email or name changed, so a returning customer costs no row update. */
  @Override
  public Future<Void> remember(SqlClient tx, UserSummary user) {
    return tx.preparedQuery("INSERT INTO known_users (user_id, email, name) VALUES ($1, $2, $3) "
            + "ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, updated_at = now() "
            + "WHERE (known_users.email, known_users.name) IS DISTINCT FROM (EXCLUDED.email, EXCLUDED.name)")
        .execute(Tuple.of(UUID.fromString(user.getId()), user.getEmail(), user.getName()))
        .mapEmpty();
  }
}
