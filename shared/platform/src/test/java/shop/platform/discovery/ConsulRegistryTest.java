package shop.platform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.consul.ServiceOptions;
import io.vertx.servicediscovery.types.EventBusService;
import io.vertx.servicediscovery.types.HttpEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsulRegistryTest {

  @Test
  void anHttpEndpointBecomesAConsulServiceWithAReadinessCheck() {
    ServiceOptions service = registry().toConsulService(
        HttpEndpoint.createRecord("user-service", "127.0.0.1", 4321, "/api/v1"), 4321);

    assertThat(service.getName()).isEqualTo("user-service");
    assertThat(service.getId()).isEqualTo("user-service-7");
    assertThat(service.getAddress()).isEqualTo("127.0.0.1");
    assertThat(service.getPort()).isEqualTo(4321);
    assertThat(service.getTags()).containsExactly(HttpEndpoint.TYPE);
    assertThat(service.getCheckOptions().getHttp()).isEqualTo("http://127.0.0.1:4321/health/ready");
    assertThat(service.getCheckOptions().getDeregisterAfter()).isEqualTo("1m");
  }

  @Test
  void anEventBusServiceKeepsItsAddressAndInterfaceInConsulMeta() {
    ServiceOptions service = registry().toConsulService(
        EventBusService.createRecord("users", "users-address", List.class), 4321);

    assertThat(service.getId()).isEqualTo("user-service-7:users");
    assertThat(service.getTags()).containsExactly(EventBusService.TYPE);
    assertThat(service.getMeta()).containsEntry("endpoint", "users-address")
        .containsEntry("service_interface", List.class.getName())
        .containsEntry("instance", "user-service-7");
  }

  private static ConsulRegistry registry() {
    return new ConsulRegistry(null, "user-service-7", "127.0.0.1", "2s", "1m");
  }
}
