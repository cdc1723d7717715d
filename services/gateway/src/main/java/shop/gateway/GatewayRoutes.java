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
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.openapi.contract.Operation;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.gateway.contract.Access;
import shop.gateway.contract.ApiContract;
import shop.gateway.proxy.Forwarder;
import shop.gateway.proxy.Forwarder.Reply;
import shop.gateway.proxy.RequestIds;
import shop.gateway.ratelimit.RateLimiter;
import shop.gateway.routing.Discovery;
import shop.gateway.routing.Instance;
import shop.gateway.routing.RouteTable;
import shop.gateway.routing.ServiceInstances;
import shop.gateway.security.TokenVerifier;
import shop.platform.boot.ApiRoutes;
import shop.platform.config.ServiceConfig;
import shop.platform.http.Problem;

/**
 * The gateway's request pipeline under {@code /api/v1}, mounted once per HTTP verticle:
 * request id and trace, CORS, the route in the contract (404/405), the bearer token (401/403), the
 * client's rate limit (429), the request against the contract (400), then the call to a healthy
 * instance of the upstream service behind its circuit breaker (503 when there is none or it is open).
 */
final class GatewayRoutes implements ApiRoutes {

  private static final String OPERATION = "operation";
  private static final String SERVICE = "service";
  private static final String USER = "user";
  private static final String BEARER = "Bearer ";
  private static final int NO_INSTANCE_RETRY_AFTER_SECONDS = 2;

  private final ServiceConfig config;
  private final RouteTable routes;
  private final Discovery discovery;
  private final Map<String, CircuitBreaker> breakers;
  private final ApiContract contract;
  private final TokenVerifier tokens;
  private final RateLimiter limiter;

  GatewayRoutes(ServiceConfig config, RouteTable routes, Discovery discovery, Map<String, CircuitBreaker> breakers,
      ApiContract contract, TokenVerifier tokens, RateLimiter limiter) {
    this.config = config;
    this.routes = routes;
    this.discovery = discovery;
    this.breakers = breakers;
    this.contract = contract;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  @Override
  public void mount(Router api, Vertx vertx) {
    // Called on this verticle's event loop: its client and validator are its own, never shared across threads.
    Forwarder forwarder = new Forwarder(vertx.createHttpClient(
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout(config.getInt("upstream.connect-timeout-ms"))
            .setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(config.getInt("upstream.pool-size"))),
        config.getLong("breaker.timeout-ms"));

    api.route().handler(RequestIds::handle);
    api.route().handler(cors());
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
        .end(contract.document()));
    api.route().handler(this::resolve);
    api.route().handler(this::authenticate);
    api.route().handler(this::rateLimit);
    api.route().handler(ctx -> {
      contract.validate(ctx, ctx.get(OPERATION));
      ctx.next();
    });
    api.route().handler(ctx -> proxy(ctx, forwarder));
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

  /** The operation the contract has for this request and the service that serves it; 404 or 405 otherwise. */
  private void resolve(RoutingContext ctx) {
    String path = ctx.request().path();
    Operation operation = contract.operation(path, ctx.request().method());
    Optional<String> service = routes.serviceFor(path);
    if (operation == null || service.isEmpty()) {
      ctx.fail(operation == null && contract.hasPath(path)
          ? new Problem(405, "Method Not Allowed", ctx.request().method() + " is not supported on " + path)
          : Problem.notFound("No route for " + ctx.request().method() + " " + path));
      return;
    }
    ctx.put(OPERATION, operation);
    ctx.put(SERVICE, service.get());
    ctx.next();
  }

  /**
   * Verifies the bearer token, when there is one or the operation needs one. On a public operation
   * an invalid token is ignored: the caller is anonymous.
   */
  private void authenticate(RoutingContext ctx) {
    Access access = contract.access(ctx.get(OPERATION));
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      if (access.isPublic()) {
        ctx.next();
      } else {
        ctx.fail(Problem.unauthorized("A bearer token is required"));
      }
      return;
    }
    tokens.verify(authorization.substring(BEARER.length()).trim()).onComplete(verified -> {
      if (verified.failed()) {
        if (access.isPublic()) {
          ctx.next();
        } else {
          ctx.fail(Problem.unauthorized("The bearer token is invalid or expired"));
        }
        return;
      }
      User user = verified.result();
      ctx.put(USER, user);
      List<String> roles = user.principal().getJsonArray("roles", new JsonArray()).getList();
      Optional<String> missing = access.roles().stream().filter(role -> !roles.contains(role)).findFirst();
      if (missing.isPresent()) {
        ctx.fail(Problem.forbidden("This operation needs the " + missing.get() + " role"));
      } else {
        ctx.next();
      }
    });
  }

  /** One token from the client's bucket: the client is the token's subject, else the remote address. */
  private void rateLimit(RoutingContext ctx) {
    User user = ctx.get(USER);
    String client = user != null ? "user:" + user.subject() : "address:" + ctx.request().remoteAddress().hostAddress();
    long waitNanos = limiter.tryAcquire(client, System.nanoTime());
    if (waitNanos == 0) {
      ctx.next();
      return;
    }
    int retryAfter = (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    ctx.fail(Problem.tooManyRequests("Rate limit exceeded: " + limiter.limit().burst() + " requests at once, then "
        + limiter.limit().perSecond() + " per second", retryAfter));
  }

  private void proxy(RoutingContext ctx, Forwarder forwarder) {
    String service = ctx.get(SERVICE);
    ServiceInstances instances = discovery.instances(service);
    Optional<Instance> first = instances.next(null, System.currentTimeMillis());
    if (first.isEmpty()) {
      ctx.fail(Problem.unavailable(service + " has no healthy instance", NO_INSTANCE_RETRY_AFTER_SECONDS));
      return;
    }
    MultiMap headers = Forwarder.upstreamHeaders(ctx.request(), ctx.get(RequestIds.REQUEST_ID),
        ctx.get(RequestIds.TRACEPARENT));
    Buffer body = ctx.body().buffer();
    HttpMethod method = ctx.request().method();
    String uri = ctx.request().uri();
    breakers.get(service).<Reply>execute(() -> forwarder.send(first.get(), method, uri, headers, body)
            .recover(failure -> retryElsewhere(forwarder, instances, first.get(), failure, method, uri, headers, body)))
        .onSuccess(reply -> respond(ctx, reply))
        .onFailure(failure -> ctx.fail(unavailable(service, failure)));
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

  private static boolean isTimeout(Throwable failure) {
    return failure instanceof java.util.concurrent.TimeoutException
        || failure instanceof io.netty.handler.timeout.TimeoutException
        || failure.getClass().getSimpleName().contains("Timeout");
  }

  private static void respond(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response().setStatusCode(reply.status());
    response.headers().addAll(reply.headers());
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
    if (failure instanceof io.vertx.circuitbreaker.TimeoutException) {
      return Problem.unavailable(service + " did not answer in time", retryAfter);
    }
    return Problem.unavailable(service + " could not be reached", retryAfter);
  }
}
