package shop.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** A service's own database in the test infrastructure, for what a test cannot see through the API. */
public final class ServiceDatabase {

  private ServiceDatabase() {
  }

  public static Pool open(Vertx vertx, String database) {
    return PgBuilder.pool()
        .connectingTo(new PgConnectOptions()
            .setHost(env("DB_HOST", "127.0.0.1"))
            .setPort(TestInfra.dbPort())
            .setDatabase(database)
            .setUser(env("DB_USER", "shop"))
            .setPassword(env("DB_PASSWORD", "shop")))
        .using(vertx)
        .build();
  }

  /** The data of the events of this type the service wrote to its outbox for the aggregate, oldest first. */
  public static List<JsonObject> outboxEvents(Pool database, String aggregateId, String type) {
    List<JsonObject> events = new ArrayList<>();
    database.preparedQuery("SELECT envelope FROM outbox WHERE aggregate_id = $1 AND envelope ->> 'type' = $2 "
            + "ORDER BY position")
        .execute(Tuple.of(aggregateId, type)).await()
        .forEach((Row row) -> events.add(((JsonObject) row.getValue("envelope")).getJsonObject("data")));
    return events;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
