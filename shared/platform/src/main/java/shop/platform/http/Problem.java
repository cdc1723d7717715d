package shop.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An RFC 9457 problem: thrown (or passed to {@code RoutingContext.fail}) by handlers, rendered as
 * {@code application/problem+json} by {@link Problems}. {@code errors} names the offending fields.
 */
public final class Problem extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public Problem(int status, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public Problem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public static Problem badRequest(String detail, List<FieldError> errors) {
    return new Problem(400, "Bad Request", detail, errors);
  }

  public static Problem unauthorized(String detail) {
    return new Problem(401, "Unauthorized", detail);
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "Forbidden", detail);
  }

  public static Problem notFound(String detail) {
    return new Problem(404, "Not Found", detail);
  }

  public static Problem conflict(String detail) {
    return new Problem(409, "Conflict", detail);
  }

  public int status() {
    return status;
  }

  public JsonObject toJson(String instance) {
    JsonObject json = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", getMessage())
        .put("instance", instance);
    if (!errors.isEmpty()) {
      JsonArray fields = new JsonArray();
      errors.forEach(e -> fields.add(new JsonObject().put("field", e.field()).put("message", e.message())));
      json.put("errors", fields);
    }
    return json;
  }

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {
  }
}
