package shop.user.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import shop.platform.security.Jwt;
import shop.user.account.User;

/** Issues the access tokens every service accepts: ES256 JWTs with the user id as subject and the roles. */
public final class TokenIssuer {

  private final JWTAuth jwt;
  private final String issuer;
  private final int expiresInSeconds;

  public TokenIssuer(JWTAuth jwt, String issuer, int expiresInSeconds) {
    this.jwt = jwt;
    this.issuer = issuer;
    this.expiresInSeconds = expiresInSeconds;
  }

  /** The token response of {@code POST /auth/token}. */
  public JsonObject issue(User user) {
    String token = jwt.generateToken(
        new JsonObject()
            .put("email", user.email())
            .put("name", user.name())
            .put(Jwt.ROLES_CLAIM, new JsonArray(user.roles())),
        new JWTOptions()
            .setAlgorithm(Jwt.ALGORITHM)
            .setIssuer(issuer)
            .setSubject(user.id().toString())
            .setExpiresInSeconds(expiresInSeconds));
    return new JsonObject()
        .put("accessToken", token)
        .put("tokenType", "Bearer")
        .put("expiresIn", expiresInSeconds);
  }
}
