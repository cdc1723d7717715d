package shop.user.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;
import java.util.Optional;
import shop.platform.http.Auth;
import shop.platform.http.JsonRequest;
import shop.platform.http.JsonResponses;
import shop.platform.http.Problem;

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
        .recover(AccountRoutes::asProblem)
        .onSuccess(user -> JsonResponses.created(ctx, "/api/v1/users/me", user.toJson()))
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    JsonResponses.ok(ctx, accounts.find(Auth.userUuid(ctx)).compose(AccountRoutes::asJson));
  }

  private void updateMe(RoutingContext ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    String email = request.has("email") ? request.requiredEmail("email") : null;
    String name = request.optionalString("name", MAX_NAME_LENGTH);
    request.validate();
    if (email == null && name == null) {
      throw Problem.badRequest("Nothing to update: send email and/or name", List.of());
    }
    JsonResponses.ok(ctx, accounts.updateProfile(Auth.userUuid(ctx), email, name)
        .recover(AccountRoutes::asProblem)
        .compose(AccountRoutes::asJson));
  }

  private static Future<JsonObject> asJson(Optional<User> user) {
    return Problem.orNotFound(user, "This account no longer exists").map(User::toJson);
  }

  private static <T> Future<T> asProblem(Throwable e) {
    return Future.failedFuture(e instanceof UserRepository.EmailTaken ? Problem.conflict(e.getMessage()) : e);
  }
}
