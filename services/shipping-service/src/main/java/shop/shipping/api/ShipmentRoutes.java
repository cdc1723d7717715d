package shop.shipping.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.UUID;
import shop.platform.http.PageRequest;
import shop.platform.http.Problem;
import shop.platform.http.RequestParams;
import shop.platform.security.Auth;
import shop.shipping.dispatch.ShipmentRecord;
import shop.shipping.dispatch.ShipmentRepository;

/** {@code GET /shipments} and {@code GET /shipments/{id}}: the caller's own shipments only. */
public final class ShipmentRoutes {

  private final ShipmentRepository shipments;
  private final JWTAuth jwt;

  public ShipmentRoutes(ShipmentRepository shipments, JWTAuth jwt) {
    this.shipments = shipments;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    api.route("/shipments*").handler(JWTAuthHandler.create(jwt));
    api.get("/shipments").handler(this::list);
    api.get("/shipments/:id").handler(this::get);
  }

  private void list(RoutingContext ctx) {
    UUID orderId = ctx.queryParams().contains("orderId") ? RequestParams.requiredUuid(ctx, "orderId") : null;
    PageRequest page = RequestParams.page(ctx);
    shipments.listByUser(Auth.userUuid(ctx), orderId, page)
        .onSuccess(found -> respond(ctx, page.toJson(found.stream().map(ShipmentRecord::toJson).toList())))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = RequestParams.pathId(ctx, "id");
    shipments.findByIdAndUser(id, Auth.userUuid(ctx))
        .onSuccess(found -> found.ifPresentOrElse(shipment -> respond(ctx, shipment.toJson()),
            () -> ctx.fail(Problem.notFound("No shipment " + id))))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
