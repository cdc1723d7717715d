package shop.order.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import shop.order.store.OrderProjection;
import shop.platform.http.Auth;
import shop.platform.http.JsonResponses;

/** {@code POST /admin/orders/read-model/rebuild}: replays the event store into a fresh read model. */
public final class AdminRoutes {

  private final JWTAuth jwt;
  private final OrderProjection projection;

  public AdminRoutes(JWTAuth jwt, OrderProjection projection) {
    this.jwt = jwt;
    this.projection = projection;
  }

  public void mount(Router api) {
    api.route("/admin/orders/*").handler(JWTAuthHandler.create(jwt)).handler(Auth.requireRole(Auth.ADMIN));
    api.post("/admin/orders/read-model/rebuild").handler(this::rebuild);
  }

  private void rebuild(RoutingContext ctx) {
    JsonResponses.ok(ctx, projection.rebuild().map(count -> new JsonObject().put("rebuiltOrders", count)));
  }
}
