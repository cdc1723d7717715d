package shop.user.account;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.user.auth.PasswordHasher;

/** Account use cases: registration, login checks, profile changes, the configured admin account. */
public final class Accounts {

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Future<String> decoyHash;

  public Accounts(UserRepository users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
    // Checked against when the email is unknown, so a login takes as long whether or not it exists.
    this.decoyHash = hasher.hash(UUID.randomUUID().toString());
  }

  public Future<User> register(String email, String name, String password) {
    return hasher.hash(password).compose(hash -> users.insert(email, name, hash, List.of(User.CUSTOMER)));
  }

  /** The user with these credentials; empty when the email is unknown or the password is wrong. */
  public Future<Optional<User>> authenticate(String email, String password) {
    return users.findByEmail(email).compose(found -> {
      Future<String> hash = found.map(user -> Future.succeededFuture(user.passwordHash())).orElse(decoyHash);
      return hash.compose(h -> hasher.verify(h, password)).map(matches -> matches ? found : Optional.<User>empty());
    });
  }

  public Future<Optional<User>> find(UUID id) {
    return users.findById(id);
  }

  public Future<Optional<User>> updateProfile(UUID id, String email, String name) {
    return users.updateProfile(id, email, name);
  }

  /** Creates the admin account from configuration unless that email is already registered. */
  public Future<Void> ensureAdmin(String email, String name, String password) {
    return hasher.hash(password)
        .compose(hash -> users.insertIfAbsent(email, name, hash, List.of(User.ADMIN, User.CUSTOMER)));
  }
}
