package shop.platform.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import shop.platform.config.ServiceConfig;

/**
 * One instance of a service's HTTP server: {@code /health/live}, {@code /health/ready},
 * {@code /metrics} and the service's API under {@code /api/v1}, with every error as problem+json.
 * Several instances share one port, each on its own event loop.
 */
public final class HttpServerVerticle extends VerticleBase {

  private final ServiceConfig config;
  private final MeterRegistry meters;
  private final HealthChecks readiness;
  private final ApiRoutes api;
  private final int port;
  private HttpServer server;

  public HttpServerVerticle(ServiceConfig config, MeterRegistry meters, HealthChecks readiness, ApiRoutes api,
      int port) {
    this.config = config;
    this.meters = meters;
    this.readiness = readiness;
    this.api = api;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(HealthCheckHandler.create(vertx)
        .register("event-loop", promise -> promise.complete(Status.OK())));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
    router.get("/metrics").handler(PrometheusScrapingHandler.create((PrometheusMeterRegistry) meters));

    Router apiRouter = Router.router(vertx);
    apiRouter.route().handler(BodyHandler.create(false).setBodyLimit(config.getLong("http.body-limit-bytes")));
    apiRouter.route().handler(new TextInputHandler());
    api.mount(apiRouter, vertx);
    router.route("/api/v1/*").subRouter(apiRouter);
    api.mountBeside(router, vertx);

    Problems.handleErrors(router);
    Problems.handleErrors(apiRouter);

    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.getString("http.host"))
        .setPort(port)
        .setCompressionSupported(config.getBoolean("http.compression"))
        .setStrictThreadMode(config.getBoolean("http.strict-thread-mode"))
        // WebSockets (the gateway's bridge) carry small JSON messages: no compression, and a message
        // larger than the limit closes the connection.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(config.getInt("http.websocket-max-message-bytes"))
        .setMaxWebSocketMessageSize(config.getInt("http.websocket-max-message-bytes")));
    return server.requestHandler(router).invalidRequestHandler(Problems::invalidRequest).listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(config.getLong("http.shutdown-grace-seconds"), TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
