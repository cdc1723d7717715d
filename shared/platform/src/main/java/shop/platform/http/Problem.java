package shop.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem: thrown (or passed to {@code RoutingContext.fail}) by handlers, rendered as
 * {@code application/problem+json} by {@link Problems}. {@code errors} names the offending fields.
 */
public final class Problem extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Integer retryAfterSeconds;

  public Problem(int status, String title, String detail, List<FieldError> errors) {
    this(status, title, detail, errors, null);
  }

  private Problem(int status, String title, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Problem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public static Problem badRequest(String detail, List<FieldError> errors) {
    return new Problem(400, "Bad Request", detail, errors);
  }

  /** A 400 naming each invalid field: {@code "Invalid field(s): email, name"}. */
  public static Problem invalidFields(List<FieldError> errors) {
    return badRequest("Invalid field(s): "
        + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()), errors);
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

  /** What a lookup found, or a failed future with a 404 of this detail when it found nothing. */
  public static <T> Future<T> orNotFound(Optional<T> found, String detail) {
    return found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(detail)));
  }

  public static Problem conflict(String detail) {
    return new Problem(409, "Conflict", detail);
  }

  /**
   * The request is well-formed but cannot be processed as it stands (e.g. an idempotency key reused
   * for another body).
   */
  public static Problem unprocessable(String detail) {
    return new Problem(422, "Unprocessable Content", detail);
  }

  /** A dependency is down or its circuit breaker is open: try again in {@code retryAfterSeconds}. */
  public static Problem unavailable(String detail, int retryAfterSeconds) {
    return new Problem(503, "Service Unavailable", detail, List.of(), retryAfterSeconds);
  }

  /** The client is over its rate limit: try again in {@code retryAfterSeconds}. */
  public static Problem tooManyRequests(String detail, int retryAfterSeconds) {
    return new Problem(429, "Too Many Requests", detail, List.of(), retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  /** The {@code Retry-After} to send, in seconds; null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem document; {@code instance} is the request's path, or null when there is none. */
  public JsonObject toJson(String instance) {
    JsonObject json = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", getMessage());
    if (instance != null) {
      json.put("instance", instance);
    }
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
