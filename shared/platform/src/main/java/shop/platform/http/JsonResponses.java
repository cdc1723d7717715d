package shop.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A handler's answer as {@code application/json}, with the status that says what became of the
 * request. The form that takes a {@code Future} ends a handler's chain: the future's value is the
 * body, its failure (a {@link Problem}, or a bug) fails the request.
 */
public final class JsonResponses {

  public static final String CONTENT_TYPE = "application/json";

  private JsonResponses() {
  }

  /** 200 with the body. */
  public static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body);
  }

  /** 200 with the body the future yields, or the request's failure if it fails. */
  public static void ok(RoutingContext ctx, Future<JsonObject> body) {
    body.onComplete(json -> ok(ctx, json), ctx::fail);
  }

  /** 201: the body describes what was created, at {@code location}. */
  public static void created(RoutingContext ctx, String location, JsonObject body) {
    ctx.response().putHeader("Location", location);
    send(ctx, 201, body);
  }

  /** 202: the request was taken and goes on in the background; the body says where it stands now. */
  public static void accepted(RoutingContext ctx, JsonObject body) {
    send(ctx, 202, body);
  }

  /** Like {@link #accepted(RoutingContext, JsonObject)}, for a resource the client follows at {@code location}. */
  public static void accepted(RoutingContext ctx, String location, JsonObject body) {
    ctx.response().putHeader("Location", location);
    send(ctx, 202, body);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
  }
}
