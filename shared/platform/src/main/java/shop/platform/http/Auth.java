package shop.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import shop.platform.security.Jwt;

/** Who is calling, once a {@code JWTAuthHandler} has verified the bearer token. */
public final class Auth {

  public static final String ADMIN = "admin";

  private Auth() {
  }

  /** The caller's user id: the token's subject. */
  public static String userId(RoutingContext ctx) {
    return ctx.user().subject();
  }

  /** The caller's user id as a UUID (user-service issues tokens with a UUID subject). */
  public static UUID userUuid(RoutingContext ctx) {
    return UUID.fromString(userId(ctx));
  }

  public static boolean hasRole(User user, String role) {
    JsonArray roles = user.principal().getJsonArray(Jwt.ROLES_CLAIM, new JsonArray());
    return roles.contains(role);
  }

  /** A route handler that lets only callers with the role through; others get 403. */
  public static Handler<RoutingContext> requireRole(String role) {
    return ctx -> {
      if (ctx.user() != null && hasRole(ctx.user(), role)) {
        ctx.next();
      } else {
        ctx.fail(Problem.forbidden("This operation needs the " + role + " role"));
      }
    };
  }
}
