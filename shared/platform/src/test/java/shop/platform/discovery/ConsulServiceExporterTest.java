package shop.platform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.consul.CheckStatus;
import io.vertx.ext.consul.ServiceOptions;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.types.EventBusService;
import io.vertx.servicediscovery.types.HttpEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsulServiceExporterTest {

  @Test
  void anHttpEndpointBecomesAConsulServiceWithAReadinessCheck() {
    ServiceOptions service = exporter().toConsulService(
        HttpEndpoint.createRecord("user-service", "127.0.0.1", 4321, "/api/v1"));

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
    ServiceOptions service = exporter().toConsulService(exporter().owned(
        EventBusService.createRecord("users", "users-address", List.class)));

    assertThat(service.getId()).isEqualTo("user-service-7:users");
    assertThat(service.getTags()).containsExactly(EventBusService.TYPE);
    assertThat(service.getMeta()).containsEntry("endpoint", "users-address")
        .containsEntry("service_interface", List.class.getName())
        .containsEntry("instance", "user-service-7");
  }

  @Test
  void aSecondHttpEndpointGetsAnIdOfItsOwn() {
    ServiceOptions service = exporter().toConsulService(
        HttpEndpoint.createRecord("eventbus-bridge-sockjs", "127.0.0.1", 4321, "/eventbus"));

    assertThat(service.getId()).isEqualTo("user-service-7:eventbus-bridge-sockjs");
    assertThat(service.getCheckOptions().getHttp()).isEqualTo("http://127.0.0.1:4321/health/ready");
  }

  @Test
  void anEndpointWithAPortOfItsOwnIsCheckedByConnectingToIt() {
    ServiceOptions service = exporter().toConsulService(new Record().setName("eventbus-bridge-tcp")
        .setType("tcp-endpoint").setLocation(new JsonObject().put("host", "127.0.0.1").put("port", 7000)));

    assertThat(service.getId()).isEqualTo("user-service-7:eventbus-bridge-tcp");
    assertThat(service.getPort()).isEqualTo(7000);
    assertThat(service.getCheckOptions().getTcp()).isEqualTo("127.0.0.1:7000");
    assertThat(service.getCheckOptions().getHttp()).isNull();
    assertThat(service.getCheckOptions().getStatus()).as("published once listening").isEqualTo(CheckStatus.PASSING);
    assertThat(service.getMeta()).doesNotContainKey("endpoint");
  }

  @Test
  void onlyTheRecordsOwnedByThisInstanceAreExported() {
    ConsulServiceExporter exporter = exporter();
    Record imported = EventBusService.createRecord("users", "users", List.class).setRegistration("imported");
    Record owned = exporter.owned(EventBusService.createRecord("users", "users", List.class)).setRegistration("own");

    exporter.onPublish(imported);

    assertThat(exporter.exported("imported").failed()).as("a record imported from Consul is not exported").isTrue();
    assertThat(owned.getMetadata().getString(ConsulServiceExporter.INSTANCE)).isEqualTo("user-service-7");
  }

  private static ConsulServiceExporter exporter() {
    return new ConsulServiceExporter(null, "user-service", "user-service-7", "127.0.0.1", 4321, "2s", "1m");
  }
}
