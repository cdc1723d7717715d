package shop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private final RouteTable routes = new RouteTable(Map.of(
      "/api/v1/orders", "order-service",
      "/api/v1/admin/orders/", "order-service",
      "/api/v1/products", "inventory-service",
      "/api/v1", "fallback-service"));

  @Test
  void matchesWholeSegmentsOnly() {
    assertThat(routes.serviceFor("/api/v1/products")).contains("inventory-service");
    assertThat(routes.serviceFor("/api/v1/products/42/stock")).contains("inventory-service");
    assertThat(routes.serviceFor("/api/v1/productsX")).contains("fallback-service");
    assertThat(routes.serviceFor("/api/v2/products")).isEmpty();
  }

  @Test
  void prefersTheLongestPrefix() {
    assertThat(routes.serviceFor("/api/v1/admin/orders/read-model/rebuild")).contains("order-service");
    assertThat(routes.serviceFor("/api/v1/admin/users")).contains("fallback-service");
  }

  @Test
  void listsEachServiceOnce() {
    assertThat(routes.services()).containsExactly("fallback-service", "inventory-service", "order-service");
  }
}
