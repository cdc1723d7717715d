package shop.gateway.contract;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.Optional;
import shop.platform.http.Problem;
import shop.platform.security.Jwt;

/** Who calls an operation, from the request's bearer token, and whether the operation's {@link Access} lets them. */
public final class Callers {

  private static final Future<User> ANONYMOUS = Future.succeededFuture();
  private static final String BEARER = "Bearer ";

  private final JWTAuth tokens;

  public Callers(JWTAuth tokens) {
    this.tokens = tokens;
  }

  /**
   * The caller, given the request's {@code Authorization} header (null if none): the user of a valid
   * bearer token, else nobody (null) if the operation is public; a failed future with a 401 or 403
   * problem otherwise. On a public operation an invalid token is ignored: the caller is anonymous.
   */
  public Future<User> identify(String authorization, Access access) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return access.isPublic() ? ANONYMOUS : Future.failedFuture(Problem.unauthorized("A bearer token is required"));
    }
    String token = authorization.substring(BEARER.length()).trim();
    return tokens.authenticate(new TokenCredentials(token)).transform(verified -> {
      if (verified.failed()) {
        return access.isPublic() ? ANONYMOUS
            : Future.failedFuture(Problem.unauthorized("The bearer token is invalid or expired"));
      }
      User user = verified.result();
      List<String> roles = user.principal().getJsonArray(Jwt.ROLES_CLAIM, new JsonArray()).getList();
      Optional<String> missing = access.roles().stream().filter(role -> !roles.contains(role)).findFirst();
      return missing.isPresent()
          ? Future.failedFuture(Problem.forbidden("This operation needs the " + missing.get() + " role"))
          : Future.succeededFuture(user);
    });
  }
}
