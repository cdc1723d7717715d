package shop.gateway;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.openapi.contract.Operation;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import shop.gateway.contract.Access;
import shop.gateway.contract.ApiContract;
import shop.gateway.proxy.Forwarder;
import shop.gateway.proxy.Forwarder.Reply;
import shop.gateway.proxy.RequestIds;
import shop.gateway.proxy.GatewayTimers;
import shop.gateway.ratelimit.RateLimiter;
import shop.gateway.routing.Discovery;
import shop.gateway.routing.Instance;
import shop.gateway.routing.RouteTable;
import shop.gateway.routing.ServiceInstances;
import shop.platform.boot.ApiRoutes;
import shop.platform.config.ServiceConfig;
import shop.platform.http.Problem;

/**
 * The gateway's request pipeline under {@code /api/v1}, mounted once per HTTP verticle: the
 * request's timer, request id and trace, CORS, the route in the contract (404/405), the bearer
 * token (401/403), the client's rate limit (429), the request against the contract (400), then the
 * call to a healthy instance of the upstream service behind its circuit breaker (503 when there is
 * none, it is open, or the instance does not answer in time).
 */
final class GatewayRoutes implements ApiRoutes {

  private static final Future<User> ANONYMOUS = Future.succeededFuture();
  private static final String BEARER = "Bearer ";
  private static final int NO_INSTANCE_RETRY_AFTER_SECONDS = 2;

  private final ServiceConfig config;
  /** The service behind each operation of the contract (by operation id), from the route table. */
  private final Map<String, String> serviceOf = new HashMap<>();
  private final Discovery discovery;
  private final Map<String, CircuitBreaker> breakers;
  private final ApiContract contract;
  private final JWTAuth tokens;
  private final RateLimiter limiter;
  private final GatewayTimers timers;

  GatewayRoutes(ServiceConfig config, RouteTable routes, Discovery discovery, Map<String, CircuitBreaker> breakers,
      ApiContract contract, JWTAuth tokens, RateLimiter limiter, GatewayTimers timers) {
    this.config = config;
    for (Operation operation : contract.operations()) {
      routes.serviceFor(operation.getOpenAPIPath())
          .ifPresent(service -> serviceOf.put(operation.getOperationId(), service));
    }
    this.discovery = discovery;
    this.breakers = breakers;
    this.contract = contract;
    this.tokens = tokens;
    this.limiter = limiter;
    this.timers = timers;
  }

  @Override
  public void mount(Router api, Vertx vertx) {
    // Called on this verticle's event loop: the upstream client (and its pool) is its own, so upstream answers
    // arrive on the thread that writes the response, as the server's strict thread mode requires.
    Forwarder forwarder = new Forwarder(vertx.createHttpClient(
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout(config.getInt("upstream.connect-timeout-ms"))
            .setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(config.getInt("upstream.pool-size"))),
        config.getLong("breaker.timeout-ms"));

    api.route().handler(ctx -> {
      long start = System.nanoTime();
      ctx.addEndHandler(ended -> timers.request(ctx.response().getStatusCode(), start));
      ctx.next();
    });
    api.route().handler(RequestIds::handle);
    api.route().handler(cors());
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
        .end(contract.document()));
    api.route().handler(ctx -> forward(ctx, forwarder));
  }

  private CorsHandler cors() {
    CorsHandler cors = CorsHandler.create()
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "Idempotency-Key", RequestIds.REQUEST_ID,
            RequestIds.TRACEPARENT, "tracestate"))
        .exposedHeaders(Set.of(RequestIds.REQUEST_ID, "Location", "Retry-After", "WWW-Authenticate"))
        .maxAgeSeconds(600);
    List<String> origins = Arrays.stream(config.getString("cors.allowed-origins").split(","))
        .map(String::trim).filter(origin -> !origin.isEmpty() && !origin.equals("*")).toList();
    return origins.isEmpty() ? cors : cors.addOrigins(origins);
  }

  /**
   * One request through the pipeline: its operation in the contract and the service that serves it
   * (404 or 405 otherwise), the caller (401/403), the caller's rate limit (429), the request against
   * the contract (400), then the upstream call. The steps are plain calls in one handler: a router
   * hop per step would cost more than most of the steps themselves.
   */
  private void forward(RoutingContext ctx, Forwarder forwarder) {
    HttpServerRequest request = ctx.request();
    String path = request.path();
    Operation operation = contract.operation(path, request.method());
    String service = operation == null ? null : serviceOf.get(operation.getOperationId());
    if (service == null) {
      ctx.fail(operation == null && contract.hasPath(path)
          ? new Problem(405, "Method Not Allowed", request.method() + " is not supported on " + path)
          : Problem.notFound("No route for " + request.method() + " " + path));
      return;
    }
    authenticate(request, contract.access(operation)).onComplete(caller -> {
      if (caller.failed()) {
        ctx.fail(caller.cause());
        return;
      }
      Optional<Problem> refused = overRateLimit(request, caller.result())
          .or(() -> contract.problemWith(ctx, operation));
      if (refused.isPresent()) {
        ctx.fail(refused.get());
      } else {
        proxy(ctx, service, forwarder);
      }
    });
  }

  /**
   * The caller: the user of a valid bearer token, else nobody (null) if the operation is public;
   * a failed future with a 401 or 403 problem otherwise. On a public operation an invalid token is
   * ignored: the caller is anonymous.
   */
  private Future<User> authenticate(HttpServerRequest request, Access access) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
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
      List<String> roles = user.principal().getJsonArray("roles", new JsonArray()).getList();
      Optional<String> missing = access.roles().stream().filter(role -> !roles.contains(role)).findFirst();
      return missing.isPresent()
          ? Future.failedFuture(Problem.forbidden("This operation needs the " + missing.get() + " role"))
          : Future.succeededFuture(user);
    });
  }

  /** Takes a token from the client's bucket (the token's subject, else the remote address); 429 when empty. */
  private Optional<Problem> overRateLimit(HttpServerRequest request, User caller) {
    String client = caller != null ? "user:" + caller.subject() : "address:" + request.remoteAddress().hostAddress();
    long waitNanos = limiter.tryAcquire(client, System.nanoTime());
    if (waitNanos == 0) {
      return Optional.empty();
    }
    int retryAfter = (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    return Optional.of(Problem.tooManyRequests("Rate limit exceeded: " + limiter.limit().burst()
        + " requests at once, then " + limiter.limit().perSecond() + " per second", retryAfter));
  }

  private void proxy(RoutingContext ctx, String service, Forwarder forwarder) {
    ServiceInstances instances = discovery.instances(service);
    Optional<Instance> first = instances.next(null, System.currentTimeMillis());
    if (first.isEmpty()) {
      timers.upstream(service, 0, System.nanoTime());
      ctx.fail(Problem.unavailable(service + " has no healthy instance", NO_INSTANCE_RETRY_AFTER_SECONDS));
      return;
    }
    MultiMap headers = Forwarder.upstreamHeaders(ctx.request(), ctx.get(RequestIds.REQUEST_ID),
        ctx.get(RequestIds.TRACEPARENT));
    Buffer body = ctx.body().buffer();
    HttpMethod method = ctx.request().method();
    String uri = ctx.request().uri();
    long start = System.nanoTime();
    breakers.get(service).<Reply>execute(() -> forwarder.send(first.get(), method, uri, headers, body)
            .recover(failure -> retryElsewhere(forwarder, instances, first.get(), failure, method, uri, headers, body)))
        .onSuccess(reply -> {
          timers.upstream(service, reply.status(), start);
          respond(ctx, reply);
        })
        .onFailure(failure -> {
          timers.upstream(service, 0, start);
          ctx.fail(unavailable(service, failure));
        });
  }

  /**
   * A request that failed before any answer (the instance died or refused the connection) is sent
   * once more to another instance, if it is safe to repeat; a refusing instance is ejected for a while.
   */
  private Future<Reply> retryElsewhere(Forwarder forwarder, ServiceInstances instances, Instance failed,
      Throwable failure, HttpMethod method, String uri, MultiMap headers, Buffer body) {
    long now = System.currentTimeMillis();
    if (failure instanceof ConnectException) {
      instances.eject(failed, now);
    }
    if (!(method == HttpMethod.GET || method == HttpMethod.HEAD) || isTimeout(failure)) {
      return Future.failedFuture(failure);
    }
    return instances.next(failed, now)
        .map(other -> forwarder.send(other, method, uri, headers, body))
        .orElseGet(() -> Future.failedFuture(failure));
  }

  /** The upstream request waited longer than its timeout, for a connection or for the answer. */
  private static boolean isTimeout(Throwable failure) {
    return failure instanceof TimeoutException;
  }

  private static void respond(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response().setStatusCode(reply.status());
    Forwarder.copyEndToEnd(reply.headers(), response.headers());
    // The service echoes the request id the gateway sent, which the response carries already.
    response.headers().set(RequestIds.REQUEST_ID, ctx.<String>get(RequestIds.REQUEST_ID));
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.end();
    } else {
      response.end(reply.body());
    }
  }

  private Problem unavailable(String service, Throwable failure) {
    int retryAfter = (int) Math.max(1, config.getLong("breaker.reset-timeout-ms") / 1000);
    if (failure instanceof OpenCircuitException) {
      return Problem.unavailable(service + " is unavailable (circuit breaker open)", retryAfter);
    }
    if (isTimeout(failure)) {
      return Problem.unavailable(service + " did not answer in time", retryAfter);
    }
    return Problem.unavailable(service + " could not be reached", retryAfter);
  }
}
