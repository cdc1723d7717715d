package shop.platform.boot;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.ConsulClientOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.config.ServiceConfig;
import shop.platform.discovery.ConsulServiceExporter;
import shop.platform.discovery.ServiceCatalog;
import shop.platform.health.Readiness;
import shop.platform.resilience.StartupRetry;
import shop.platform.tracing.Tracing;

/**
 * Runs a service: clustered Vert.x with metrics, layered config, readiness checks, the module's own
 * parts, then registration in Consul. On SIGTERM it unregisters first, then drains and leaves the cluster.
 */
public final class ServiceLauncher {

  private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 30;

  private ServiceLauncher() {
  }

  /** The entry point of every service's {@code main}. Exits the JVM if the service cannot start. */
  public static void launch(ServiceModule module) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    start(module).onComplete(started -> {
      if (started.succeeded()) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started.result()), "shutdown"));
      } else {
        log.error("{} failed to start", module.name(), started.cause());
        System.exit(1);
      }
    });
  }

  /** A running service instance. */
  public record Running(Vertx vertx, ServiceContext context, ServiceCatalog catalog, OpenTelemetrySdk tracing) {
  }

  public static Future<Running> start(ServiceModule module) {
    JsonObject defaults = defaults(module.name());
    JsonObject bootstrap = ServiceConfig.bootstrap(defaults);
    bootstrap.put("cluster.host", HostAddress.resolve(bootstrap.getString("cluster.host")));
    String advertisedHost = HostAddress.resolve(bootstrap.getString("advertised.host"));
    String instanceId = instanceId(module.name(), bootstrap);
    // One deadline for every start-up step, from the defaults and the environment: the steps before
    // the configuration is loaded need it too.
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bootstrap.getLong("startup.deadline-ms"));

    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters.config().commonTags("service", module.name(), "instance", instanceId);
    OpenTelemetrySdk openTelemetry = Tracing.create(module.name(), instanceId, bootstrap);
    Transport transport = NetworkTransport.choose(bootstrap.getString("vertx.transport"));
    return StartupRetry.untilWithoutVertx(deadline)
        .run("joining the cluster " + bootstrap.getString("cluster.name"),
            () -> clusteredVertx(bootstrap, transport, meters, openTelemetry))
        .compose(vertx -> {
          StartupRetry startup = StartupRetry.until(deadline, vertx);
          return startup.run("loading the configuration", () -> ServiceConfig.load(vertx, module.name(), defaults))
              .compose(config -> startup.run("importing the Consul catalog", () -> ServiceCatalog.start(vertx, config))
                  .compose(catalog -> {
                    ConsulClient consul = ConsulClient.create(vertx, new ConsulClientOptions()
                        .setHost(config.getString("consul.host")).setPort(config.getInt("consul.port")));
                    HealthChecks readiness = Readiness.create(vertx, config, consul);
                    ServiceContext context = new ServiceContext(vertx, module.name(), instanceId, advertisedHost,
                        config, meters, readiness, openTelemetry.getTracer("shop"), startup, catalog);
                    return module.start(context)
                        .compose(v -> {
                          ConsulServiceExporter exporter = new ConsulServiceExporter(consul, module.name(), instanceId,
                              advertisedHost, context.httpPort(), config.getString("consul.check-interval"),
                              config.getString("consul.deregister-critical-after"));
                          return startup.run("registering in Consul", () -> catalog.publish(context.records(), exporter));
                        })
                        .map(v -> {
                          log.info("{} ({}) started on {}: http://{}:{}", module.name(), instanceId, transport.name(),
                              advertisedHost, context.httpPort());
                          return new Running(vertx, context, catalog, openTelemetry);
                        });
                  }))
              .onFailure(e -> vertx.close());
        })
        .onFailure(e -> openTelemetry.close());
  }

  /** A new clustered Vert.x for each attempt: a cluster manager that failed to join is not used again. */
  private static Future<Vertx> clusteredVertx(JsonObject bootstrap, Transport transport,
      PrometheusMeterRegistry meters, OpenTelemetrySdk openTelemetry) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
    if (!bootstrap.getBoolean("metrics.http-client")) {
      metrics.addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT);
    }
    if (!bootstrap.getBoolean("metrics.http-server")) {
      metrics.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
          .addDisabledMetricsCategory(MetricsDomain.NET_SERVER);
    }
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(ClusterSettings.eventBus(bootstrap))
        .setMetricsOptions(metrics);

    VertxBuilder builder = Vertx.builder()
        .with(options)
        .withTransport(transport)
        .withMetrics(new MicrometerMetricsFactory(meters))
        .withClusterManager(ClusterSettings.clusterManager(bootstrap));
    if (bootstrap.getBoolean("tracing.enabled")) {
      builder.withTracer(new OpenTelemetryTracingFactory(openTelemetry));
    }
    return builder.buildClustered();
  }

  /** Graceful stop: leave Consul so no new traffic arrives, then drain the servers and leave the cluster. */
  public static void stop(Running running) {
    try {
      running.catalog().close()
          .recover(e -> {
            log.warn("could not unregister from Consul: {}", e.getMessage());
            return Future.succeededFuture();
          })
          .compose(v -> running.vertx().close())
          .toCompletionStage().toCompletableFuture().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // Sends the spans still buffered, the shutdown's own among them.
      running.tracing().close();
      log.info("{} stopped", running.context().instanceId());
    } catch (Exception e) {
      log.warn("shutdown did not complete cleanly", e);
    }
  }

  private static String instanceId(String service, JsonObject bootstrap) {
    String configured = bootstrap.getString("instance.id", "");
    return configured.isBlank() ? service + "-" + UUID.randomUUID().toString().substring(0, 8) : configured;
  }

  /** Platform defaults, overridden by the service's own {@code <service>.json} on its classpath. */
  static JsonObject defaults(String service) {
    return readJson("/shop/platform/defaults.json").mergeIn(readJson("/" + service + ".json"));
  }

  private static JsonObject readJson(String resource) {
    try (InputStream in = ServiceLauncher.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
