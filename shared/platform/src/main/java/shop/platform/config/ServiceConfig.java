package shop.platform.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A service's configuration, in layers where each overrides the one before:
 * built-in defaults &lt; config file &lt; environment &lt; Consul KV under {@code config/<service>/}.
 *
 * <p>Keys are flat and dotted ({@code db.host}); the environment spells them in upper snake case
 * ({@code DB_HOST}). Only keys that have a default can be set, so every setting is documented by
 * its default. Consul KV is watched: listeners registered with {@link #onChange} see live edits,
 * which is how tunables (rate limits, breaker thresholds) change without a restart.
 */
public final class ServiceConfig {

  private final ConfigRetriever retriever;
  private volatile JsonObject current;

  private ServiceConfig(ConfigRetriever retriever, JsonObject current) {
    this.retriever = retriever;
    this.current = current;
    retriever.listen(change -> this.current = change.getNewConfiguration());
  }

  public static Future<ServiceConfig> load(Vertx vertx, String service, JsonObject defaults) {
    return load(vertx, service, defaults, System.getenv());
  }

  static Future<ServiceConfig> load(Vertx vertx, String service, JsonObject defaults, Map<String, String> env) {
    JsonObject fromEnv = EnvironmentLayer.overrides(defaults, env);
    JsonObject bootstrap = defaults.copy().mergeIn(fromEnv);
    String file = bootstrap.getString("config.file", "");
    if (file.isBlank()) {
      file = "conf/" + service + ".json";
    }
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setScanPeriod(bootstrap.getLong("config.scan-period-ms", 2000L))
        .addStore(json(defaults))
        .addStore(new ConfigStoreOptions().setType("file").setOptional(true)
            .setConfig(new JsonObject().put("path", file)))
        .addStore(json(fromEnv));
    if (bootstrap.getBoolean("config.consul", true)) {
      // Not optional: an unreachable Consul fails the load (retried at start-up) and leaves a later scan's
      // configuration as it was, rather than quietly dropping the KV layer back to the defaults.
      options.addStore(new ConfigStoreOptions().setType("consul")
          .setConfig(new JsonObject()
              .put("host", bootstrap.getString("consul.host"))
              .put("port", bootstrap.getInteger("consul.port"))
              .put("prefix", "config/" + service)
              .put("raw-data", false)));
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .onFailure(e -> retriever.close())
        .map(config -> new ServiceConfig(retriever, config));
  }

  /**
   * Defaults overridden by the environment, without the file or Consul layers: for the settings
   * needed before Vert.x runs (clustering), which cannot change while it does.
   */
  public static JsonObject bootstrap(JsonObject defaults) {
    return defaults.copy().mergeIn(EnvironmentLayer.overrides(defaults, System.getenv()));
  }

  private static ConfigStoreOptions json(JsonObject values) {
    return new ConfigStoreOptions().setType("json").setConfig(values.copy());
  }

  /** The configuration as of now (a copy-free read: do not modify it). */
  public JsonObject current() {
    return current;
  }

  public String getString(String key) {
    return current.getString(key);
  }

  public int getInt(String key) {
    return current.getInteger(key);
  }

  public long getLong(String key) {
    return current.getLong(key);
  }

  public boolean getBoolean(String key) {
    return current.getBoolean(key);
  }

  /** Calls the listener with the new configuration whenever any layer changes. */
  public void onChange(Consumer<JsonObject> listener) {
    retriever.listen(change -> listener.accept(change.getNewConfiguration()));
  }
}
