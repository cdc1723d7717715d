package shop.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import shop.platform.http.Problem.FieldError;

/**
 * Reads and validates a JSON request body, collecting every invalid field so that one 400 names them
 * all: call the field readers, then {@link #validate()}.
 */
public final class JsonRequest {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JsonObject body;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonRequest(JsonObject body) {
    this.body = body;
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
    return new JsonRequest(object);
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  /** A non-blank string of at most {@code maxLength} characters, trimmed. */
  public String requiredString(String field, int maxLength) {
    if (!body.containsKey(field) || body.getValue(field) == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    return string(field, maxLength);
  }

  /** Like {@link #requiredString} when present; {@code null} when absent. */
  public String optionalString(String field, int maxLength) {
    return body.containsKey(field) ? requiredString(field, maxLength) : null;
  }

  public String requiredEmail(String field) {
    String value = requiredString(field, 254);
    if (value != null && !EMAIL.matcher(value).matches()) {
      errors.add(new FieldError(field, "must be an email address"));
      return null;
    }
    return value;
  }

  /** A string of {@code minLength} to {@code maxLength} characters, kept exactly as sent (passwords). */
  public String requiredSecret(String field, int minLength, int maxLength) {
    if (!(body.getValue(field) instanceof String value)) {
      errors.add(new FieldError(field, body.containsKey(field) ? "must be a string" : "is required"));
      return null;
    }
    if (value.length() < minLength || value.length() > maxLength) {
      errors.add(new FieldError(field, "must be " + minLength + " to " + maxLength + " characters long"));
      return null;
    }
    return value;
  }

  /** Fails with a 400 naming every invalid field, if there is any. */
  public void validate() {
    if (!errors.isEmpty()) {
      String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
      throw Problem.badRequest("Invalid field(s): " + fields, errors);
    }
  }

  private String string(String field, int maxLength) {
    if (!(body.getValue(field) instanceof String raw)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    String value = raw.trim();
    if (value.isEmpty()) {
      errors.add(new FieldError(field, "must not be blank"));
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(new FieldError(field, "must be at most " + maxLength + " characters long"));
      return null;
    }
    return value;
  }
}
