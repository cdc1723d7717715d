package shop.contracts.bridge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Every service registered in Consul, each instance with the worst status of its checks, at a moment. */
public record ServicesHealth(Instant at, List<Service> services) {

  /** A service by its Consul name, and its instances. */
  public record Service(String name, List<Instance> instances) {

    JsonObject toJson() {
      return new JsonObject().put("name", name)
          .put("instances", new JsonArray(instances.stream().map(Instance::toJson).toList()));
    }
  }

  /** One instance: its Consul id, address and port, and {@code passing}, {@code warning} or {@code critical}. */
  public record Instance(String id, String address, int port, String status) {

    JsonObject toJson() {
      return new JsonObject().put("id", id).put("address", address).put("port", port).put("status", status);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("at", at.toString())
        .put("services", new JsonArray(services.stream().map(Service::toJson).toList()));
  }
}
