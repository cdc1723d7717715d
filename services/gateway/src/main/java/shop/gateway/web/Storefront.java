package shop.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser app (the storefront and {@code /ops}), built from {@code web/} into the jar's
 * {@code webroot}: {@code /assets/*} are content-hashed, so cached for a year; every page a browser
 * navigates to gets {@code index.html}, never cached, and the app routes on the client. The API,
 * the bridge, health and metrics are matched before this, so they never fall through to the app.
 */
public final class Storefront {

  private static final String WEBROOT = "webroot";
  private static final String ASSETS = "/assets/";
  private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;
  /** Scripts, styles and connections to this origin only; the bridge's WebSocket is on the same host. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; "
      + "img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private final Buffer index;

  private Storefront(Buffer index) {
    this.index = index;
  }

  /** Reads the app's {@code index.html}; fails if the jar was built without the app. */
  public static Future<Storefront> load(Vertx vertx) {
    return vertx.fileSystem().readFile(WEBROOT + "/index.html").map(Storefront::new)
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "the browser app is missing from the gateway's " + WEBROOT + " (built from web/ by Maven)", e)));
  }

  /** Adds the app's routes after every other route of the root router. */
  public void mount(Router root) {
    root.get(ASSETS + "*").handler(ctx -> {
      secure(ctx.response());
      ctx.next();
    });
    // The route's prefix is stripped before the file is looked up: /assets/app-1a2b.js is webroot/assets/app-1a2b.js.
    root.get(ASSETS + "*").handler(StaticHandler.create(WEBROOT + "/assets")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(ONE_YEAR_SECONDS)
        .setDirectoryListing(false));
    root.get().handler(this::page);
  }

  private void page(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    if (accept == null || !accept.contains("text/html") || ctx.request().path().startsWith(ASSETS)) {
      ctx.next();
      return;
    }
    HttpServerResponse response = ctx.response();
    secure(response)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("Referrer-Policy", "no-referrer")
        .end(index);
  }

  private static HttpServerResponse secure(HttpServerResponse response) {
    return response.putHeader("X-Content-Type-Options", "nosniff");
  }
}
