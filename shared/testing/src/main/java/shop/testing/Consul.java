package shop.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the Consul catalog and health over its HTTP API, as an operator would. */
public final class Consul {

  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Consul() {
  }

  /** The ids of a service's instances whose every check passes. */
  public static List<String> passingInstanceIds(String service) {
    return health(service, true).stream()
        .map(entry -> ((JsonObject) entry).getJsonObject("Service").getString("ID"))
        .toList();
  }

  /** The status of an instance's own check ("passing", "critical", ...), empty if it is not registered. */
  public static Optional<String> checkStatus(String service, String instanceId) {
    return health(service, false).stream()
        .map(JsonObject.class::cast)
        .filter(entry -> instanceId.equals(entry.getJsonObject("Service").getString("ID")))
        .flatMap(entry -> entry.getJsonArray("Checks").stream().map(JsonObject.class::cast))
        .filter(check -> instanceId.equals(check.getString("ServiceID")))
        .map(check -> check.getString("Status"))
        .findFirst();
  }

  /** The base URL of an instance as registered in Consul, e.g. {@code http://127.0.0.1:41234}. */
  public static String address(String instanceId) {
    JsonObject service = new JsonObject(get("/v1/agent/service/" + instanceId));
    return "http://" + service.getString("Address") + ":" + service.getInteger("Port");
  }

  public static JsonArray health(String service, boolean passingOnly) {
    return new JsonArray(get("/v1/health/service/" + service + (passingOnly ? "?passing=1" : "")));
  }

  /** Writes a KV entry, as an operator would with {@code consul kv put}. */
  public static void putKey(String key, String value) {
    send(HttpRequest.newBuilder(URI.create(TestInfra.consulUrl() + "/v1/kv/" + key))
        .PUT(HttpRequest.BodyPublishers.ofString(value)));
  }

  /** A KV entry's value, as {@code consul kv get} gives it; empty if there is no such key. */
  public static Optional<String> value(String key) {
    try {
      return Optional.of(get("/v1/kv/" + key + "?raw"));
    } catch (IllegalStateException missing) {
      if (missing.getMessage().startsWith("Consul answered 404")) {
        return Optional.empty();
      }
      throw missing;
    }
  }

  /** Registers a service instance with the agent ({@code PUT /v1/agent/service/register}), checks included. */
  public static void registerService(JsonObject registration) {
    send(HttpRequest.newBuilder(URI.create(TestInfra.consulUrl() + "/v1/agent/service/register"))
        .PUT(HttpRequest.BodyPublishers.ofString(registration.encode())));
  }

  public static void deregisterService(String id) {
    send(HttpRequest.newBuilder(URI.create(TestInfra.consulUrl() + "/v1/agent/service/deregister/" + id))
        .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public static void deleteTree(String prefix) {
    send(HttpRequest.newBuilder(URI.create(TestInfra.consulUrl() + "/v1/kv/" + prefix + "?recurse")).DELETE());
  }

  public static String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(TestInfra.consulUrl() + path)).GET());
  }

  private static String send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Consul answered " + response.statusCode() + " to " + built.uri());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
