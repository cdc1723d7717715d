package shop.platform.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.types.EventBusService;
import io.vertx.servicediscovery.types.HttpEndpoint;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.platform.config.ServiceConfig;
import shop.platform.db.Database;
import shop.platform.discovery.ServiceCatalog;
import shop.platform.events.EventConsumer;
import shop.platform.events.EventHandler;
import shop.platform.events.KafkaTopics;
import shop.platform.events.OutboxRelay;
import shop.platform.health.Readiness;
import shop.platform.http.ApiRoutes;
import shop.platform.http.HttpServerVerticle;
import shop.platform.resilience.Breakers;
import shop.platform.resilience.StartupRetry;
import shop.platform.security.CachingJwtVerifier;
import shop.platform.security.Jwt;
import shop.platform.tracing.Tracing;

/** What a {@link ServiceModule} gets to build itself with. */
public final class ServiceContext {

  private final Vertx vertx;
  private final String serviceName;
  private final String instanceId;
  private final String advertisedHost;
  private final ServiceConfig config;
  private final MeterRegistry meters;
  private final HealthChecks readiness;
  private final Tracer tracer;
  private final StartupRetry startup;
  private final List<Record> records = new ArrayList<>();
  private final ServiceCatalog catalog;
  private int httpPort = -1;

  ServiceContext(Vertx vertx, String serviceName, String instanceId, String advertisedHost, ServiceConfig config,
      MeterRegistry meters, HealthChecks readiness, Tracer tracer, StartupRetry startup, ServiceCatalog catalog) {
    this.vertx = vertx;
    this.serviceName = serviceName;
    this.instanceId = instanceId;
    this.advertisedHost = advertisedHost;
    this.config = config;
    this.meters = meters;
    this.readiness = readiness;
    this.tracer = tracer;
    this.startup = startup;
    this.catalog = catalog;
  }

  /** For spans of work that does not start from a traced request; see {@link Tracing#inSpan}. */
  public Tracer tracer() {
    return tracer;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The address other hosts reach this instance at ({@code advertised.host}, resolved). */
  public String advertisedHost() {
    return advertisedHost;
  }

  public ServiceConfig config() {
    return config;
  }

  public String instanceId() {
    return instanceId;
  }

  /** For business metrics; served with the Vert.x metrics at {@code /metrics}. */
  public MeterRegistry meters() {
    return meters;
  }

  /** Migrates the service's database ({@code db/migration} on the classpath) and opens a pool on it. */
  public Future<Pool> openDatabase() {
    return Database.open(vertx, config, startup).onSuccess(pool ->
        readiness.register("database", config.getLong("health.check-timeout-ms"), Readiness.probe(() ->
            pool.query("SELECT 1").execute().map(rows -> Status.OK()))));
  }

  /**
   * Serves an implementation of a {@code @ProxyGen} interface at an event-bus address, and
   * publishes it in discovery as an event-bus service record. The future completes once the whole
   * cluster can reach the address: a registration spreads to the other members asynchronously, and
   * a caller that found the record before then would get {@code NO_HANDLERS}.
   */
  public <T> Future<Void> serveEventBus(String address, Class<T> contract, T implementation) {
    return new ServiceBinder(vertx).setAddress(address).register(contract, implementation).completion()
        .onSuccess(registered -> records.add(EventBusService.createRecord(address, address, contract)));
  }

  /**
   * Starts the HTTP server ({@code http.instances} verticles sharing one port) with the health and
   * metrics endpoints and the service's API, and publishes it as an HTTP endpoint record.
   */
  public Future<Void> serveHttp(ApiRoutes api) {
    int port = config.getInt("http.port");
    // A negative port asks Vert.x for one random port shared by every instance of this deployment.
    int listenPort = port == 0 ? -1 : port;
    List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
          HttpServerVerticle server = new HttpServerVerticle(config, meters, readiness, api, listenPort);
          servers.add(server);
          return server;
        }, new DeploymentOptions().setInstances(config.getInt("http.instances")))
        .map(id -> {
          httpPort = servers.get(0).actualPort();
          records.add(HttpEndpoint.createRecord(serviceName, advertisedHost, httpPort, "/api/v1"));
          return null;
        });
  }

  /**
   * Publishes one more record of this instance in discovery and Consul, with the others once the
   * service has started: an endpoint that is neither its API nor an event-bus service.
   */
  public void advertise(Record record) {
    records.add(record);
  }

  /**
   * Verifies the bearer tokens user-service issues, with the public key in {@code jwt.public-key-file},
   * and remembers up to {@code auth.token-cache-size} verified tokens until they expire.
   */
  public JWTAuth jwtVerifier() {
    return new CachingJwtVerifier(
        Jwt.verifier(vertx, Jwt.readPem(config.getString("jwt.public-key-file")), config.getString("jwt.issuer")),
        config.getInt("auth.token-cache-size"));
  }

  /** Service discovery: the records of the services Consul has a passing instance of, for lookups. */
  public ServiceCatalog catalog() {
    return catalog;
  }

  /** A circuit breaker for calls to another service, with metrics; see {@link Breakers}. */
  public CircuitBreaker breaker(String name) {
    return Breakers.create(vertx, serviceName, instanceId, name, config, meters, config.getLong("breaker.timeout-ms"));
  }

  /**
   * A circuit breaker for calls that time out by themselves after {@code breaker.timeout-ms} (HTTP
   * requests sent with that timeout): a timed-out call counts as a failure all the same, and the
   * breaker keeps no timer of its own per call.
   */
  public CircuitBreaker breakerForTimedCalls(String name) {
    return Breakers.create(vertx, serviceName, instanceId, name, config, meters, -1);
  }

  /** Creates this service's Kafka topics if they do not exist yet, and waits for their leaders. */
  public Future<Void> createTopics(List<String> topics) {
    return KafkaTopics.ensure(vertx, config.getString("kafka.bootstrap-servers"), topics, startup);
  }

  /** Starts relaying the outbox of this database to Kafka and the event bus. */
  public Future<Void> relayOutbox(Pool pool) {
    return vertx.deployVerticle(new OutboxRelay(pool, config.getString("kafka.bootstrap-servers"),
        config.getLong("outbox.sweep-interval-ms"), config.getLong("outbox.linger-ms"), config.getInt("outbox.batch-size"),
        meters, tracer)).mapEmpty();
  }

  /** Starts an idempotent consumer group {@code name} of the topics; see {@link EventConsumer}. */
  public Future<Void> consumeEvents(Pool pool, String name, List<String> topics, EventHandler handler) {
    return vertx.deployVerticle(new EventConsumer(pool, name, topics, config.getString("kafka.bootstrap-servers"),
        handler, meters, tracer)).mapEmpty();
  }

  /** The port the HTTP server listens on, once {@link #serveHttp} completed. */
  public int httpPort() {
    return httpPort;
  }

  List<Record> records() {
    return List.copyOf(records);
  }
}
