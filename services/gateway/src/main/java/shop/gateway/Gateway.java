package shop.gateway;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.ConsulClientOptions;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.gateway.bridge.BridgeLimits;
import shop.gateway.bridge.BridgePolicy;
import shop.gateway.bridge.Bridges;
import shop.gateway.bridge.SockJsBridge;
import shop.gateway.contract.ApiContract;
import shop.gateway.contract.Callers;
import shop.gateway.ops.Drills;
import shop.gateway.ops.MetricsFeed;
import shop.gateway.ops.ServicesHealthFeed;
import shop.gateway.ops.TopicEventsFeed;
import shop.gateway.proxy.GatewayTimers;
import shop.gateway.proxy.RequestSpans;
import shop.gateway.proxy.UpstreamCalls;
import shop.gateway.ratelimit.ClientLimits;
import shop.gateway.ratelimit.RateLimit;
import shop.gateway.ratelimit.RateLimiter;
import shop.gateway.routing.Discovery;
import shop.gateway.routing.RouteTable;
import shop.gateway.web.Storefront;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;
import shop.platform.config.ServiceConfig;

/**
 * The API gateway: the one public entry point ({@code http.port}, 8080 by default). It owns no data;
 * it routes {@code /api/v1} to the services it finds in Consul (see {@link GatewayRoutes}), and
 * bridges the public part of the event bus to other programs: SockJS at {@code /eventbus}, TCP on
 * {@code bridge.tcp-port} (see {@link Bridges}). It serves the browser app at {@code /} and feeds its
 * operations page: the services' health, the shop's metrics and its events (package {@code ops}),
 * and the fault drills an admin switches in Consul KV.
 */
public final class Gateway implements ServiceModule {

  static final String CONTRACT = "shop/gateway/openapi.yaml";
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  private static final long FORGET_IDLE_CLIENTS_MS = 60_000;

  public static void main(String[] args) {
    ServiceLauncher.launch(new Gateway());
  }

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    Vertx vertx = context.vertx();
    ServiceConfig config = context.config();
    RouteTable routes = RouteTable.fromConfig(config.current().getJsonObject("routes"));
    Callers callers = new Callers(context.jwtVerifier());
    Map<String, CircuitBreaker> breakers = routes.services().stream()
        .collect(Collectors.toMap(Function.identity(), context::breakerForTimedCalls));
    ConsulClientOptions consul = new ConsulClientOptions()
        .setHost(config.getString("consul.host"))
        .setPort(config.getInt("consul.port"));
    int retryAfterSeconds = (int) Math.max(1, config.getLong("breaker.reset-timeout-ms") / 1000);
    GatewayTimers timers = new GatewayTimers(context.meters(), routes.services());
    BridgePolicy bridgePolicy = new BridgePolicy(callers);
    BridgeLimits bridgeLimits = BridgeLimits.fromConfig(config);
    ConsulClient consulClient = ConsulClient.create(vertx, consul);
    Drills drills = new Drills(consulClient, Drills.fromConfig(config.current().getJsonObject("drills")));
    Map<String, OwnOperation> ownOperations = Map.of(
        "listDrills", ctx -> drills.list(),
        "setDrill", ctx -> drills.set(lastSegment(ctx.request().path()), ctx.body().asJsonObject().getBoolean("on")));
    Future<Storefront> storefront = Storefront.load(vertx);
    return Future.all(ApiContract.load(vertx, CONTRACT), storefront).compose(loaded -> {
      ApiContract contract = loaded.resultAt(0);
      ClientLimits limits = new ClientLimits(
          liveLimiter(vertx, config, "ratelimit"),
          contract.rateLimits().stream().collect(Collectors.toMap(Function.identity(),
              name -> liveLimiter(vertx, config, "ratelimit." + name))),
          liveLimiter(vertx, config, "ratelimit.server-errors"));
      return Discovery.start(vertx, consul, routes.services(), config.getLong("upstream.eject-ms"))
          .compose(discovery -> context.serveHttp(new GatewayRoutes(config, routes, contract, callers, limits,
              new UpstreamCalls(discovery, breakers, timers, retryAfterSeconds), timers,
              new SockJsBridge(bridgePolicy, bridgeLimits), new RequestSpans(context.tracer()), ownOperations,
              storefront.result())))
          .compose(v -> Bridges.start(context, bridgePolicy, bridgeLimits))
          .compose(v -> startOpsFeeds(context, consulClient));
    });
  }

  /** The admin feeds of the operations page, published to this gateway's bridge clients. */
  private static Future<Void> startOpsFeeds(ServiceContext context, ConsulClient consul) {
    ServiceConfig config = context.config();
    ServicesHealthFeed.start(context.vertx(), consul, config.getLong("ops.services-interval-ms"));
    MetricsFeed.start(context.vertx(), config.getString("prometheus.url"), config.getLong("ops.metrics-interval-ms"));
    return TopicEventsFeed.start(context.vertx(), config.getString("kafka.bootstrap-servers"), context.instanceId());
  }

  /** The drill's name in {@code /api/v1/admin/drills/{name}}, already checked against the contract. */
  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The limits follow {@code <prefix>.*} live: a change in Consul KV applies within seconds. Both
   * settings must be valid at start-up (the gateway does not start otherwise).
   */
  private static RateLimiter liveLimiter(Vertx vertx, ServiceConfig config, String prefix) {
    RateLimiter limiter = new RateLimiter(RateLimit.fromConfig(config.current(), prefix));
    config.onChange(changed -> {
      RateLimit limit = limiter.limit().updatedFrom(changed, prefix);
      if (!limit.equals(limiter.limit())) {
        log.info("{} now {} at once, {} per second", prefix, limit.burst(), limit.perSecond());
        limiter.setLimit(limit);
      }
    });
    vertx.setPeriodic(FORGET_IDLE_CLIENTS_MS, id -> limiter.forgetIdle(System.nanoTime()));
    return limiter;
  }
}
