package shop.gateway.security;

import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens (signature, expiry, issuer) and remembers the verified ones until they
 * expire, so that a client's later requests cost a map lookup instead of an ECDSA verification.
 * Shared by every gateway verticle; bounded to {@code maxSize} tokens.
 */
public final class TokenVerifier {

  private final JWTAuth jwt;
  private final int maxSize;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(User user, long expiresAtMillis) {
  }

  public TokenVerifier(JWTAuth jwt, int maxSize) {
    this.jwt = jwt;
    this.maxSize = maxSize;
  }

  /** The token's user, or a failed future if the token is not valid now. */
  public Future<User> verify(String token) {
    long now = System.currentTimeMillis();
    Verified hit = verified.get(token);
    if (hit != null) {
      if (hit.expiresAtMillis() > now) {
        return Future.succeededFuture(hit.user());
      }
      verified.remove(token);
    }
    return jwt.authenticate(new TokenCredentials(token)).onSuccess(user -> remember(token, user, now));
  }

  private void remember(String token, User user, long now) {
    Long exp = user.principal().getLong("exp", user.attributes().getLong("exp"));
    if (exp == null) {
      return;
    }
    if (verified.size() >= maxSize) {
      verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
      if (verified.size() >= maxSize) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(user, exp * 1000));
  }
}
