package shop.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import shop.platform.config.ServiceConfig;
import shop.platform.resilience.StartupRetry;

/** A service's own PostgreSQL database: versioned migrations, then a reactive connection pool. */
public final class Database {

  private Database() {
  }

  /** The migrations are retried while the server is not reachable yet; see {@link StartupRetry}. */
  public static Future<Pool> open(Vertx vertx, ServiceConfig config, StartupRetry retry) {
    String host = config.getString("db.host");
    int port = config.getInt("db.port");
    String name = config.getString("db.name");
    String user = config.getString("db.user");
    String password = config.getString("db.password");
    // Flyway speaks JDBC, so migrations run once at startup on a worker thread. Instances starting
    // together are safe: Flyway serializes them with a PostgreSQL advisory lock.
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
    return retry.run("database " + name + " (connect and migrate)", () -> vertx.executeBlocking(() -> {
          // The platform's tables (outbox, processed events) have a migration history of their own.
          Flyway.configure().dataSource(url, user, password)
              .locations("classpath:shop/platform/migration").table("platform_schema_history")
              .baselineOnMigrate(true).baselineVersion("0")
              .load().migrate();
          return Flyway.configure().dataSource(url, user, password)
              .locations("classpath:db/migration")
              .baselineOnMigrate(true).baselineVersion("0")
              .load().migrate();
        }))
        .map(result -> PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(config.getInt("db.pool-size")))
            .connectingTo(new PgConnectOptions()
                .setHost(host).setPort(port).setDatabase(name).setUser(user).setPassword(password)
                .setCachePreparedStatements(true))
            .using(vertx)
            .build());
  }
}
