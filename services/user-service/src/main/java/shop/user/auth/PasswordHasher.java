package shop.user.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Salted, deliberately slow password hashes: PBKDF2-HMAC-SHA512 with a random 16-byte salt, stored
 * as a PHC string that records its iteration count, so the cost can be raised later.
 * Hashing is CPU work that would stall an event loop, so it runs on worker threads.
 */
public final class PasswordHasher {

  private static final String ALGORITHM = "pbkdf2";

  private final Vertx vertx;
  private final HashingStrategy strategy = HashingStrategy.load();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> params;

  public PasswordHasher(Vertx vertx, int iterations) {
    this.vertx = vertx;
    this.params = Map.of("it", String.valueOf(iterations));
  }

  public Future<String> hash(String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
    return vertx.executeBlocking(() -> strategy.hash(ALGORITHM, params, encodedSalt, password), false);
  }

  public Future<Boolean> verify(String hash, String password) {
    return vertx.executeBlocking(() -> strategy.verify(hash, password), false);
  }
}
