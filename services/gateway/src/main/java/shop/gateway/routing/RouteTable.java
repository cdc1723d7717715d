package shop.gateway.routing;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service serves a path: a table of path prefixes to service names (config {@code routes}),
 * matched on whole path segments, the longest prefix first. Addresses are never configured: they
 * come from discovery.
 */
public final class RouteTable {

  private final List<Map.Entry<String, String>> routes;

  public RouteTable(Map<String, String> prefixToService) {
    routes = prefixToService.entrySet().stream()
        .map(e -> Map.entry(trimSlash(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
        .toList();
  }

  public static RouteTable fromConfig(JsonObject routes) {
    return new RouteTable(routes.getMap().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
  }

  /**
   * The service for a request path: {@code /api/v1/products/42} matches {@code /api/v1/products},
   * {@code /api/v1/productsX} does not.
   */
  public Optional<String> serviceFor(String path) {
    for (Map.Entry<String, String> route : routes) {
      String prefix = route.getKey();
      if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return Optional.of(route.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every service some route leads to. */
  public List<String> services() {
    return routes.stream().map(Map.Entry::getValue).distinct().sorted().toList();
  }

  private static String trimSlash(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }
}
