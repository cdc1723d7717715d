package shop.user.account;

import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;
import java.util.Optional;
import shop.platform.http.JsonRequest;
import shop.platform.http.Problem;
import shop.platform.security.Auth;

/** {@code POST /users}, {@code GET /users/me}, {@code PATCH /users/me}. */
public final class AccountRoutes {

  static final int MIN_PASSWORD_LENGTH = 8;
  static final int MAX_PASSWORD_LENGTH = 128;
  private static final int MAX_NAME_LENGTH = 100;

  private final Accounts accounts;
  private final JWTAuth jwt;

  public AccountRoutes(Accounts accounts, JWTAuth jwt) {
    this.accounts = accounts;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    api.post("/users").handler(this::register);
    api.route("/users/me").handler(JWTAuthHandler.create(jwt));
    api.get("/users/me").handler(this::me);
    api.patch("/users/me").handler(this::updateMe);
  }

  private void register(RoutingContext ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    String email = request.requiredEmail("email");
    String name = request.requiredString("name", MAX_NAME_LENGTH);
    String password = request.requiredSecret("password", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
    request.validate();
    accounts.register(email, name, password)
        .onSuccess(user -> ctx.response()
            .setStatusCode(201)
            .putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/users/me")
            .end(user.toJson().encode()))
        .onFailure(e -> ctx.fail(asProblem(e)));
  }

  private void me(RoutingContext ctx) {
    accounts.find(Auth.userUuid(ctx)).onComplete(found -> respond(ctx, found), ctx::fail);
  }

  private void updateMe(RoutingContext ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    String email = request.has("email") ? request.requiredEmail("email") : null;
    String name = request.optionalString("name", MAX_NAME_LENGTH);
    request.validate();
    if (email == null && name == null) {
      throw Problem.badRequest("Nothing to update: send email and/or name", List.of());
    }
    accounts.updateProfile(Auth.userUuid(ctx), email, name)
        .onComplete(updated -> respond(ctx, updated), e -> ctx.fail(asProblem(e)));
  }

  private static void respond(RoutingContext ctx, Optional<User> user) {
    if (user.isEmpty()) {
      ctx.fail(Problem.notFound("This account no longer exists"));
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(user.get().toJson().encode());
  }

  private static Throwable asProblem(Throwable e) {
    return e instanceof UserRepository.EmailTaken ? Problem.conflict(e.getMessage()) : e;
  }
}
