package shop.payment.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.UUID;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentRepository;
import shop.platform.http.PageRequest;
import shop.platform.http.Problem;
import shop.platform.http.RequestParams;
import shop.platform.security.Auth;

/** {@code GET /payments} and {@code GET /payments/{id}}: the caller's own payments only. */
public final class PaymentRoutes {

  private final PaymentRepository payments;
  private final JWTAuth jwt;

  public PaymentRoutes(PaymentRepository payments, JWTAuth jwt) {
    this.payments = payments;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    api.route("/payments*").handler(JWTAuthHandler.create(jwt));
    api.get("/payments").handler(this::list);
    api.get("/payments/:id").handler(this::get);
  }

  private void list(RoutingContext ctx) {
    UUID orderId = ctx.queryParams().contains("orderId") ? RequestParams.requiredUuid(ctx, "orderId") : null;
    PageRequest page = RequestParams.page(ctx);
    payments.listByUser(Auth.userUuid(ctx), orderId, page)
        .onSuccess(found -> respond(ctx, page.toJson(found.stream().map(Payment::toJson).toList())))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = RequestParams.pathId(ctx, "id");
    payments.findByIdAndUser(id, Auth.userUuid(ctx))
        .onSuccess(found -> found.ifPresentOrElse(payment -> respond(ctx, payment.toJson()),
            () -> ctx.fail(Problem.notFound("No payment " + id))))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
