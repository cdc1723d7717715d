package shop.gateway.ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.consul.ConsulClient;
import io.vertx.ext.consul.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.platform.http.Problem;

/**
 * Fault drills an admin switches on and off ({@code /api/v1/admin/drills}): each is one live setting
 * of a service in Consul KV ({@code config/<service>/<key>}), declared under {@code drills} in the
 * gateway's configuration. On writes the drill's value; off deletes the key, so the service's own
 * configuration applies again. Consul is the only state: every gateway sees the same drills.
 */
public final class Drills {

  /** A drill: on when its setting holds {@code onValue}. */
  public record Drill(String name, String description, String setting, String onValue) {

    JsonObject toJson(boolean on) {
      return new JsonObject().put("name", name).put("description", description).put("setting", setting)
          .put("on", on);
    }
  }

  private static final int RETRY_AFTER_SECONDS = 2;

  private final ConsulClient consul;
  private final Map<String, Drill> drills;

  public Drills(ConsulClient consul, List<Drill> drills) {
    this.consul = consul;
    this.drills = new LinkedHashMap<>();
    drills.forEach(drill -> this.drills.put(drill.name(), drill));
  }

  /** The drills under {@code drills} in the configuration: {@code {"<name>": {"description","setting","on"}}}. */
  public static List<Drill> fromConfig(JsonObject config) {
    return config.fieldNames().stream().sorted().map(name -> {
      JsonObject drill = config.getJsonObject(name);
      return new Drill(name, drill.getString("description"), drill.getString("setting"),
          String.valueOf(drill.getValue("on")));
    }).toList();
  }

  /** {@code {"drills":[...]}}, each with whether it is on now. */
  public Future<JsonObject> list() {
    return Future.all(drills.values().stream().map(this::current).toList())
        .map(all -> new JsonObject().put("drills", new JsonArray(all.list())));
  }

  /** Switches a drill on or off; its new state. A 404 problem for a drill there is not. */
  public Future<JsonObject> set(String name, boolean on) {
    Drill drill = drills.get(name);
    if (drill == null) {
      return Future.failedFuture(Problem.notFound("No drill named " + name + "; there are " + drills.keySet()));
    }
    Future<Void> written = on
        ? consul.putValue(drill.setting(), drill.onValue()).compose(ok -> ok ? Future.succeededFuture()
            : Future.failedFuture("Consul refused the write"))
        : consul.deleteValue(drill.setting());
    return written.recover(Drills::consulUnavailable).compose(v -> current(drill));
  }

  private Future<JsonObject> current(Drill drill) {
    return consul.getValue(drill.setting())
        .recover(Drills::consulUnavailable)
        .map(value -> drill.toJson(drill.onValue().equals(valueOf(value))));
  }

  private static String valueOf(KeyValue value) {
    return value == null || value.getValue() == null ? null : value.getValue().trim();
  }

  private static <T> Future<T> consulUnavailable(Throwable e) {
    return Future.failedFuture(Problem.unavailable("Consul cannot be reached to read or write the drill's setting: "
        + e.getMessage(), RETRY_AFTER_SECONDS));
  }
}
