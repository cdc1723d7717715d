package shop.user.account;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code users} table. */
public final class UserRepository {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, email, name, password_hash, roles, created_at, updated_at";

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts a user; fails with {@link EmailTaken} if the email is registered in any case. */
  public Future<User> insert(String email, String name, String passwordHash, List<String> roles) {
    return pool.preparedQuery("INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5) "
            + "RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), email, name, passwordHash, roles.toArray(String[]::new)))
        .recover(e -> Future.failedFuture(isUniqueViolation(e) ? new EmailTaken(email) : e))
        .map(rows -> User.from(rows.iterator().next()));
  }

  /** Inserts a user unless the email is taken; for accounts that must exist (the admin). */
  public Future<Void> insertIfAbsent(String email, String name, String passwordHash, List<String> roles) {
    return pool.preparedQuery("INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5) "
            + "ON CONFLICT ((lower(email))) DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), email, name, passwordHash, roles.toArray(String[]::new)))
        .mapEmpty();
  }

  public Future<Optional<User>> findById(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1")
        .execute(Tuple.of(id))
        .map(UserRepository::first);
  }

  public Future<Optional<User>> findByEmail(String email) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower($1)")
        .execute(Tuple.of(email))
        .map(UserRepository::first);
  }

  /** Changes the given fields (null = unchanged); empty if there is no such user. */
  public Future<Optional<User>> updateProfile(UUID id, String email, String name) {
    return pool.preparedQuery("UPDATE users SET email = coalesce($2, email), name = coalesce($3, name), "
            + "updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, email, name))
        .recover(e -> Future.failedFuture(isUniqueViolation(e) ? new EmailTaken(email) : e))
        .map(UserRepository::first);
  }

  private static Optional<User> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(User.from(rows.iterator().next()));
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** The email is already registered (emails are unique whatever their case). */
  public static final class EmailTaken extends RuntimeException {
    public EmailTaken(String email) {
      super("The email " + email + " is already registered", null, false, false);
    }
  }
}
