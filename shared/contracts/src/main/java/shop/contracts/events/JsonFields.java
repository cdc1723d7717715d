package shop.contracts.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** How the payloads read their fields (strictly where a consumer cannot do without them, else leniently) and lists. */
final class JsonFields {

  private JsonFields() {
  }

  /** The field, a string that is not blank; {@link IllegalArgumentException} naming it if it is missing or blank. */
  static String requiredText(JsonObject json, String field) {
    String value = json.getString(field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  /** The field, a number; {@link IllegalArgumentException} naming it if it is missing. */
  static long requiredLong(JsonObject json, String field) {
    Long value = json.getLong(field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  /** The items as a JSON array, each written by {@code toJson}. */
  static <T> JsonArray arrayOf(List<T> items, Function<T, JsonObject> toJson) {
    return new JsonArray(items.stream().map(toJson).toList());
  }

  /** The field if it is a string, else null. */
  static String stringOrNull(JsonObject json, String field) {
    return json.getValue(field) instanceof String value ? value : null;
  }

  /** The field if it is a number, else 0. */
  static long longOrZero(JsonObject json, String field) {
    return json.getValue(field) instanceof Number value ? value.longValue() : 0;
  }
}
