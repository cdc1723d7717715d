package shop.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.UUID;
import shop.platform.security.Jwt;

/**
 * Access tokens as user-service issues them, signed with the test profile's key
 * ({@code JWT_PRIVATE_KEY_FILE}), for testing a service without going through a login.
 */
public final class TestTokens {

  private static JWTAuth signer;

  private TestTokens() {
  }

  public static String customer(String userId) {
    return issue(userId, List.of("customer"));
  }

  public static String admin() {
    return issue(UUID.randomUUID().toString(), List.of("admin", "customer"));
  }

  public static synchronized String issue(String userId, List<String> roles) {
    if (signer == null) {
      signer = Jwt.signer(Vertx.vertx(), Jwt.readPem(System.getenv("JWT_PRIVATE_KEY_FILE")),
          Jwt.readPem(System.getenv("JWT_PUBLIC_KEY_FILE")), "shop");
    }
    return signer.generateToken(
        new JsonObject().put("email", userId + "@example.com").put(Jwt.ROLES_CLAIM, new JsonArray(roles)),
        new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop").setSubject(userId).setExpiresInSeconds(3600));
  }
}
