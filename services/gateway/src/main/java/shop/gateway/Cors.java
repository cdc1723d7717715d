package shop.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import shop.gateway.proxy.RequestIds;
import shop.gateway.proxy.RequestSpans;

/** What browsers on other origins may send to the API and read of its answers. */
final class Cors {

  private Cors() {
  }

  /** @param allowedOrigins {@code cors.allowed-origins}: a comma-separated list, or {@code *} for any origin */
  static CorsHandler forOrigins(String allowedOrigins) {
    CorsHandler cors = CorsHandler.create()
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "Idempotency-Key", RequestIds.REQUEST_ID,
            RequestSpans.TRACEPARENT, "tracestate"))
        .exposedHeaders(Set.of(RequestIds.REQUEST_ID, "Location", "Retry-After", "WWW-Authenticate"))
        .maxAgeSeconds(600);
    List<String> origins = Arrays.stream(allowedOrigins.split(","))
        .map(String::trim).filter(origin -> !origin.isEmpty() && !origin.equals("*")).toList();
    return origins.isEmpty() ? cors : cors.addOrigins(origins);
  }
}
