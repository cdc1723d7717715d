package shop.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import shop.platform.http.Problem.FieldError;

/** Path and query parameters, checked: a bad value is a problem, never a 500. */
public final class RequestParams {

  private RequestParams() {
  }

  /** A path parameter that is a resource's UUID; 404 if it is not a UUID, since nothing has that id. */
  public static UUID pathId(RoutingContext ctx, String name) {
    String value = ctx.pathParam(name);
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Problem.notFound("No resource has the id " + value);
    }
  }

  /** A required query parameter that must be a UUID; 400 naming it otherwise. */
  public static UUID requiredUuid(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      throw invalid(name, "is required");
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name, "must be a UUID");
    }
  }

  /**
   * {@code ?page=&size=}: page from 0 (the first) to {@link PageRequest#MAX_PAGE}, size from 1 to
   * {@link PageRequest#MAX_SIZE} ({@link PageRequest#DEFAULT_SIZE} if absent); 400 naming a bad one.
   */
  public static PageRequest page(RoutingContext ctx) {
    int page = intParam(ctx, "page", 0, 0, PageRequest.MAX_PAGE);
    int size = intParam(ctx, "size", PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
    return new PageRequest(page, size);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, "must be a whole number from " + min + " to " + max);
  }

  private static Problem invalid(String name, String message) {
    return Problem.badRequest("Invalid query parameter: " + name, List.of(new FieldError(name, message)));
  }
}
