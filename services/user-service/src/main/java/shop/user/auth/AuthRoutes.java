package shop.user.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import shop.platform.http.Emails;
import shop.platform.http.JsonRequest;
import shop.platform.http.JsonResponses;
import shop.platform.http.Problem;
import shop.user.account.Accounts;

/** {@code POST /auth/token} (login) and {@code GET /auth/jwks} (the public key that verifies tokens). */
public final class AuthRoutes {

  private final Accounts accounts;
  private final TokenIssuer tokens;
  private final JsonObject jwks;

  public AuthRoutes(Accounts accounts, TokenIssuer tokens, JsonObject jwks) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.jwks = jwks;
  }

  public void mount(Router api) {
    api.post("/auth/token").handler(this::token);
    api.get("/auth/jwks").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/jwk-set+json")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(jwks.encode()));
  }

  private void token(RoutingContext ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    String email = request.requiredString("email", Emails.MAX_LENGTH);
    String password = request.requiredSecret("password", 1, 1024);
    request.validate();
    accounts.authenticate(Emails.normalise(email), password).onComplete(user -> {
      if (user.isEmpty()) {
        ctx.fail(Problem.unauthorized("Wrong email or password"));
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      JsonResponses.ok(ctx, tokens.issue(user.get()));
    }, ctx::fail);
  }
}
