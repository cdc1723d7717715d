package shop.platform.config;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/** The environment layer of {@link ServiceConfig}: {@code DB_PORT=5432} sets {@code db.port} to the number 5432. */
final class EnvironmentLayer {

  private EnvironmentLayer() {
  }

  static String variableName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The values the environment sets for keys that have a default, typed like their default. */
  static JsonObject overrides(JsonObject defaults, Map<String, String> env) {
    JsonObject overrides = new JsonObject();
    for (String key : defaults.fieldNames()) {
      String raw = env.get(variableName(key));
      if (raw != null) {
        overrides.put(key, typedLike(defaults.getValue(key), key, raw));
      }
    }
    return overrides;
  }

  private static Object typedLike(Object defaultValue, String key, String raw) {
    try {
      if (defaultValue instanceof Integer) {
        return Integer.parseInt(raw.trim());
      }
      if (defaultValue instanceof Long) {
        return Long.parseLong(raw.trim());
      }
      if (defaultValue instanceof Number) {
        return Double.parseDouble(raw.trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variableName(key) + " must be a number, got '" + raw + "'", e);
    }
    if (defaultValue instanceof Boolean) {
      return Boolean.parseBoolean(raw.trim());
    }
    return raw;
  }
}
