package shop.platform.security;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@link JWTAuth} that remembers the bearer tokens it verified (signature, expiry, issuer) until
 * they expire, so that a client's later requests cost a map lookup instead of an ECDSA verification
 * (about a millisecond of CPU each). Bounded to {@code maxSize} tokens; safe to share between event loops.
 * Every request with the same token gets the same {@link User}: read it, never change it.
 */
public final class CachingJwtVerifier implements JWTAuth {

  private final JWTAuth jwt;
  private final int maxSize;
  private final LongSupplier clockMillis;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(User user, long expiresAtMillis) {
  }

  public CachingJwtVerifier(JWTAuth jwt, int maxSize) {
    this(jwt, maxSize, System::currentTimeMillis);
  }

  CachingJwtVerifier(JWTAuth jwt, int maxSize, LongSupplier clockMillis) {
    this.jwt = jwt;
    this.maxSize = maxSize;
    this.clockMillis = clockMillis;
  }

  /** The token's user, or a failed future if the token is not valid now. */
  @Override
  public Future<User> authenticate(Credentials credentials) {
    if (!(credentials instanceof TokenCredentials bearer)) {
      return jwt.authenticate(credentials);
    }
    String token = bearer.getToken();
    long now = clockMillis.getAsLong();
    Verified hit = verified.get(token);
    if (hit != null) {
      if (hit.expiresAtMillis() > now) {
        return Future.succeededFuture(hit.user());
      }
      verified.remove(token);
    }
    if (!Jwt.isWellFormed(token)) {
      return Future.failedFuture("not a well-formed " + Jwt.ALGORITHM + " token");
    }
    return jwt.authenticate(credentials).onSuccess(user -> remember(token, user, now));
  }

  @Override
  public String generateToken(JsonObject claims, JWTOptions options) {
    return jwt.generateToken(claims, options);
  }

  @Override
  public String generateToken(JsonObject claims) {
    return jwt.generateToken(claims);
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
