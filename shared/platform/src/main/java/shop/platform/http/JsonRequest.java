package shop.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.platform.http.Problem.FieldError;

/**
 * Reads and validates a JSON request body, collecting every invalid field so that one 400 names them
 * all: call the field readers, then {@link #validate()}.
 */
public final class JsonRequest {

  private final JsonObject body;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonRequest(JsonObject body, String prefix, List<FieldError> errors) {
    this.body = body;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** The body as a JSON object; a 400 problem if it is missing, malformed or not an object. */
  public static JsonRequest of(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      throw Problem.badRequest("The request body must be a JSON object", List.of());
    }
    Object parsed;
    try {
      parsed = raw.toJsonValue();
    } catch (DecodeException e) {
      throw Problem.badRequest("The request body is not valid JSON", List.of());
    }
    if (!(parsed instanceof JsonObject object)) {
      throw Problem.badRequest("The request body must be a JSON object", List.of());
    }
    return new JsonRequest(object, "", new ArrayList<>());
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  /** A non-blank line of text of at most {@code maxLength} characters (code points), trimmed. */
  public String requiredString(String field, int maxLength) {
    return required(field) ? string(field, maxLength, false) : null;
  }

  /** Like {@link #requiredString}, but it may hold several lines (line breaks and tabs). */
  public String requiredText(String field, int maxLength) {
    return required(field) ? string(field, maxLength, true) : null;
  }

  /** Like {@link #requiredString} when present; {@code null} when absent. */
  public String optionalString(String field, int maxLength) {
    return body.containsKey(field) ? requiredString(field, maxLength) : null;
  }

  /** An email address ({@link Emails}), normalised to lower case NFC. */
  public String requiredEmail(String field) {
    String value = requiredString(field, Emails.MAX_LENGTH);
    if (value == null) {
      return null;
    }
    String email = Emails.normalise(value);
    if (!Emails.isValid(email)) {
      error(field, "must be an email address");
      return null;
    }
    return email;
  }

  /** A string of {@code minLength} to {@code maxLength} characters, kept exactly as sent (passwords). */
  public String requiredSecret(String field, int minLength, int maxLength) {
    if (!(body.getValue(field) instanceof String value)) {
      error(field, body.containsKey(field) ? "must be a string" : "is required");
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length < minLength || length > maxLength) {
      error(field, "must be " + minLength + " to " + maxLength + " characters long");
      return null;
    }
    Optional<String> refusal = TextInput.refusal(value, false);
    if (refusal.isPresent()) {
      error(field, refusal.get());
      return null;
    }
    return value;
  }

  /**
   * A whole number from {@code min} to {@code max}. As in JSON Schema, {@code 93.0} is the whole
   * number 93.
   */
  public Long requiredLong(String field, long min, long max) {
    Object value = body.getValue(field);
    if (!(value instanceof Number number) || !isWhole(number)) {
      error(field, value == null ? "is required" : "must be a whole number");
      return null;
    }
    double asDouble = number.doubleValue();
    if (asDouble < min || asDouble > max) {
      error(field, "must be from " + min + " to " + max);
      return null;
    }
    return number.longValue();
  }

  private static boolean isWhole(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof BigInteger) {
      return true;
    }
    double value = number.doubleValue();
    return Double.isFinite(value) && value == Math.rint(value);
  }

  /** A whole number from {@code min} to {@code max}. */
  public Integer requiredInt(String field, int min, int max) {
    Long value = requiredLong(field, min, max);
    return value == null ? null : value.intValue();
  }

  /** A UUID in its canonical text form. */
  public UUID requiredUuid(String field) {
    String value = requiredString(field, 36);
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      error(field, "must be a UUID");
      return null;
    }
  }

  /** A non-empty array of at most {@code maxItems} JSON objects, each read with a {@link JsonRequest} of its own. */
  public List<JsonRequest> requiredObjects(String field, int maxItems) {
    if (!(body.getValue(field) instanceof JsonArray array)) {
      error(field, body.getValue(field) == null ? "is required" : "must be an array");
      return List.of();
    }
    if (array.isEmpty() || array.size() > maxItems) {
      error(field, "must hold 1 to " + maxItems + " items");
      return List.of();
    }
    List<JsonRequest> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject item) {
        items.add(new JsonRequest(item, field + "[" + i + "].", errors));
      } else {
        error(field + "[" + i + "]", "must be an object");
      }
    }
    return items;
  }

  /** Fails with a 400 naming every invalid field, if there is any. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw Problem.invalidFields(errors);
    }
  }

  private void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  private boolean required(String field) {
    if (body.getValue(field) == null) {
      error(field, "is required");
      return false;
    }
    return true;
  }

  private String string(String field, int maxLength, boolean multiline) {
    if (!(body.getValue(field) instanceof String raw)) {
      error(field, "must be a string");
      return null;
    }
    Optional<String> refusal = TextInput.refusal(raw, multiline);
    if (refusal.isPresent()) {
      error(field, refusal.get());
      return null;
    }
    String value = raw.trim();
    if (value.isEmpty()) {
      error(field, "must not be blank");
      return null;
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      error(field, "must be at most " + maxLength + " characters long");
      return null;
    }
    return value;
  }
}
