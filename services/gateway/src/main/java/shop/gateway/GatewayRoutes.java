package shop.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.gateway.bridge.SockJsBridge;
import shop.gateway.contract.ApiContract;
import shop.gateway.contract.Callers;
import shop.gateway.proxy.Forwarder;
import shop.gateway.proxy.GatewayTimers;
import shop.gateway.proxy.RequestIds;
import shop.gateway.proxy.RequestSpans;
import shop.gateway.proxy.UpstreamCalls;
import shop.gateway.ratelimit.ClientLimits;
import shop.gateway.routing.RouteTable;
import shop.gateway.web.Storefront;
import shop.platform.http.ApiRoutes;
import shop.platform.config.ServiceConfig;
import shop.platform.http.JsonResponses;
import shop.platform.http.Problem;

/**
 * The gateway's request pipeline under {@code /api/v1}, mounted once per HTTP verticle: the
 * request's timer, request id and trace, CORS, the route in the contract (404/405), the bearer
 * token (401/403), the client's limits (429), the request against the contract (400, 415), then the
 * call to a healthy instance of the upstream service behind its circuit breaker ({@link UpstreamCalls}),
 * whose answer goes to the client as it is (503 when there is none to give); or, for the few
 * operations the gateway answers itself ({@link OwnOperation}), that answer. Beside the API: the
 * SockJS bridge, then the browser app ({@link Storefront}).
 */
final class GatewayRoutes implements ApiRoutes {

  private final ServiceConfig config;
  /** The service behind each operation of the contract (by operation id), from the route table. */
  private final Map<String, String> serviceOf = new HashMap<>();
  private final ApiContract contract;
  private final Callers callers;
  private final ClientLimits limits;
  private final UpstreamCalls upstream;
  private final GatewayTimers timers;
  private final SockJsBridge eventBusBridge;
  private final RequestSpans spans;
  /** The operations the gateway answers itself, by operation id. */
  private final Map<String, OwnOperation> ownOperations;
  private final Storefront storefront;

  GatewayRoutes(ServiceConfig config, RouteTable routes, ApiContract contract, Callers callers, ClientLimits limits,
      UpstreamCalls upstream, GatewayTimers timers, SockJsBridge eventBusBridge, RequestSpans spans,
      Map<String, OwnOperation> ownOperations, Storefront storefront) {
    this.config = config;
    for (Operation operation : contract.operations()) {
      routes.serviceFor(operation.getOpenAPIPath())
          .ifPresent(service -> serviceOf.put(operation.getOperationId(), service));
    }
    this.contract = contract;
    this.callers = callers;
    this.limits = limits;
    this.upstream = upstream;
    this.timers = timers;
    this.eventBusBridge = eventBusBridge;
    this.spans = spans;
    this.ownOperations = Map.copyOf(ownOperations);
    this.storefront = storefront;
  }

  @Override
  public void mountBeside(Router root, Vertx vertx) {
    root.route(SockJsBridge.PATH + "/*").subRouter(eventBusBridge.router(vertx));
    storefront.mount(root);
  }

  @Override
  public void mount(Router api, Vertx vertx) {
    Forwarder forwarder = Forwarder.onThisEventLoop(vertx, config);
    api.route().handler(ctx -> {
      long start = System.nanoTime();
      ctx.addEndHandler(ended -> timers.request(ctx.response().getStatusCode(), start));
      ctx.next();
    });
    api.route().handler(RequestIds::handle);
    api.route().handler(spans::handle);
    api.route().handler(Cors.forOrigins(config.getString("cors.allowed-origins")));
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
        .end(contract.document()));
    api.route().handler(ctx -> forward(ctx, forwarder));
  }

  /**
   * One request through the pipeline: its operation in the contract and the service that serves it
   * (404 or 405 otherwise), the caller (401/403), the caller's rate limit (429), the request against
   * the contract (400), then the upstream call. The steps are plain calls in one handler: a router
   * hop per step would cost more than most of the steps themselves.
   */
  private void forward(RoutingContext ctx, Forwarder forwarder) {
    HttpServerRequest request = ctx.request();
    Operation operation = contract.operation(request.path(), request.method());
    String service = operation == null ? null : serviceOf.get(operation.getOperationId());
    OwnOperation own = operation == null ? null : ownOperations.get(operation.getOperationId());
    if (service == null && own == null) {
      refuseUnrouted(ctx, operation);
      return;
    }
    RequestSpans.named(ctx, operation.getOperationId());
    callers.identify(request.getHeader(HttpHeaders.AUTHORIZATION), contract.access(operation)).onComplete(caller -> {
      if (caller.failed()) {
        ctx.fail(caller.cause());
        return;
      }
      String client = ClientLimits.clientOf(request, caller.result());
      Optional<Problem> refused = limits.admit(client, contract.rateLimit(operation), System.nanoTime())
          .or(() -> contract.problemWith(ctx, operation));
      if (refused.isPresent()) {
        ctx.fail(refused.get());
        return;
      }
      if (own != null) {
        answerOwn(ctx, own, client);
        return;
      }
      upstream.call(ctx, service, forwarder).onComplete(reply -> {
        if (reply.failed()) {
          ctx.fail(reply.cause());
          return;
        }
        limits.answered(client, reply.result().status(), System.nanoTime());
        reply.result().sendTo(ctx);
      });
    });
  }

  private void answerOwn(RoutingContext ctx, OwnOperation own, String client) {
    own.answer(ctx).onComplete(answer -> {
      if (answer.failed()) {
        if (answer.cause() instanceof Problem problem) {
          limits.answered(client, problem.status(), System.nanoTime());
        }
        ctx.fail(answer.cause());
        return;
      }
      limits.answered(client, 200, System.nanoTime());
      JsonResponses.ok(ctx, answer.result());
    });
  }

  /** 405 with the methods there are when the path has operations but not this one, else 404. */
  private void refuseUnrouted(RoutingContext ctx, Operation operation) {
    HttpServerRequest request = ctx.request();
    List<HttpMethod> allowed = operation == null ? contract.methods(request.path()) : List.of();
    if (allowed.isEmpty()) {
      ctx.fail(Problem.notFound("No route for " + request.method() + " " + request.path()));
      return;
    }
    ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed.stream().map(HttpMethod::name).toList()));
    ctx.fail(new Problem(405, "Method Not Allowed", request.method() + " is not supported on " + request.path()));
  }
}
