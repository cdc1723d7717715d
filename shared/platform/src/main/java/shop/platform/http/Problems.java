package shop.platform.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every failure of a router as {@code application/problem+json}; never a stack trace. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {
  }

  public static void handleErrors(Router router) {
    router.route().failureHandler(Problems::render);
    router.errorHandler(404, ctx -> send(ctx, new Problem(404, "Not Found",
        "No route for " + ctx.request().method() + " " + ctx.request().path())));
    router.errorHandler(405, ctx -> {
      ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowedMethods(router, ctx)));
      send(ctx, new Problem(405, "Method Not Allowed",
          ctx.request().method() + " is not supported on " + ctx.request().path()));
    });
  }

  /**
   * Answers a request the HTTP decoder could not read (a request line or headers over the server's
   * limits, or malformed HTTP) with a problem, then closes the connection, which is no longer usable.
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = new Problem(414, "URI Too Long", "The request line is longer than the server reads");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = new Problem(431, "Request Header Fields Too Large",
          "The request headers are larger than the server reads");
    } else {
      problem = Problem.badRequest("The request is not valid HTTP", List.of());
    }
    request.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Connection", "close")
        // The decoder could not read the request, so there is no path to name as the instance.
        .end(problem.toJson(null).encode())
        .onComplete(sent -> request.connection().close());
  }

  /**
   * The methods the router's routes, and those of the routers mounted in it, serve on the request's
   * path (RFC 9110 wants them in a 405's {@code Allow}); Vert.x Web leaves them out when a router
   * has its own 405 handler.
   */
  static List<String> allowedMethods(Router router, RoutingContext ctx) {
    String mountPoint = ctx.mountPoint() == null ? "" : ctx.mountPoint().replaceAll("/$", "");
    String path = ctx.normalizedPath();
    Set<String> methods = new TreeSet<>();
    collectMethods(router, path.startsWith(mountPoint) ? path.substring(mountPoint.length()) : path, methods);
    return List.copyOf(methods);
  }

  private static void collectMethods(Router router, String path, Set<String> methods) {
    for (Route route : router.getRoutes()) {
      // A path with parameters (":id") keeps its template here; a route of a regular expression has none.
      String template = route.getPath();
      if (template == null) {
        continue;
      }
      if (route.getSubRouter() != null) {
        String prefix = template.replaceAll("/$", "");
        if (path.startsWith(prefix + "/")) {
          collectMethods(route.getSubRouter(), path.substring(prefix.length()), methods);
        }
      } else if (route.methods() != null && templateMatches(template, path)) {
        route.methods().forEach(method -> methods.add(method.name()));
      }
    }
  }

  /** {@code /orders/:id} matches {@code /orders/42}. */
  private static boolean templateMatches(String template, String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    for (int i = 0; i < expected.length; i++) {
      if (i >= actual.length || !(expected[i].startsWith(":") || expected[i].equals(actual[i]))) {
        return false;
      }
    }
    return expected.length == actual.length;
  }

  static void render(RoutingContext ctx) {
    send(ctx, toProblem(ctx));
  }

  static Problem toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof DecodeException) {
      return new Problem(400, "Bad Request", "The request body is not valid JSON");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    if (status == 401) {
      return Problem.unauthorized("A valid bearer token is required");
    }
    if (status == 413) {
      return new Problem(413, "Content Too Large", "The request body exceeds the size limit");
    }
    if (status >= 400 && status < 500) {
      return new Problem(status, HttpResponseStatus.valueOf(status).reasonPhrase(),
          failure instanceof HttpException http && http.getPayload() != null ? http.getPayload()
              : HttpResponseStatus.valueOf(status).reasonPhrase());
    }
    // Logged here, once, with the request id the client got: the answer itself says nothing of the cause.
    log.error("request {} failed: {} {}", ctx.request().getHeader(RequestId.HEADER), ctx.request().method(),
        ctx.request().path(), failure);
    return new Problem(500, "Internal Server Error", "The request could not be completed");
  }

  public static void send(RoutingContext ctx, Problem problem) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (problem.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    if (problem.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
    }
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .end(problem.toJson(ctx.request().path()).encode());
  }
}
