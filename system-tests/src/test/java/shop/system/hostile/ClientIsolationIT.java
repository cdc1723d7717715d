package shop.system.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.testing.Http;
import shop.testing.Http.Response;
import shop.testing.TestTokens;

/**
 * One client's malformed requests, however many, never degrade the service another client gets:
 * each gets a 4xx problem, no breaker opens, and another client registers, logs in and orders as usual.
 * The hostile client connects from 127.0.0.2, so the gateway tells the two apart by address as it
 * would two hosts.
 */
class ClientIsolationIT {

  private static final int GATEWAY_PORT = 18082;
  private static final int MALFORMED_REQUESTS = 200;
  private static final int AT_ONCE = 8;

  private static ShopBehindGateway shop;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    shop = ShopBehindGateway.start("isolation", GATEWAY_PORT);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  /** A malformed request, one kind for each {@code i}: what a fuzzer or an attacker sends. */
  private record Malformed(HttpMethod method, String uri, MultiMap headers, Buffer body) {
  }

  private static Malformed malformed(int i) {
    String product = UUID.randomUUID().toString();
    MultiMap json = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    String nul = "\\u0000";
    return switch (i % 14) {
      case 0 -> new Malformed(HttpMethod.POST, "/api/v1/users", json,
          Buffer.buffer("{\"email\":\"x" + i + "@example.com\",\"name\":\"A" + nul + "n\",\"password\":\"secret-password\"}"));
      case 1 -> new Malformed(HttpMethod.POST, "/api/v1/users", json,
          Buffer.buffer("{\"email\":\"x" + nul + i + "@example.com\",\"name\":\"Ann\",\"password\":\"p" + nul + "ssword\"}"));
      case 2 -> new Malformed(HttpMethod.POST, "/api/v1/auth/token", json,
          Buffer.buffer("{\"email\":\"a@b.co\\ud800\",\"password\":\"x\"}"));
      case 3 -> new Malformed(HttpMethod.POST, "/api/v1/users", json, Buffer.buffer("{\"email\": [[[[[[[[[[[[[[["));
      case 4 -> new Malformed(HttpMethod.POST, "/api/v1/users", json, Buffer.buffer("[".repeat(5000)));
      case 5 -> new Malformed(HttpMethod.POST, "/api/v1/users", json,
          Buffer.buffer(new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
      case 6 -> new Malformed(HttpMethod.POST, "/api/v1/users", json,
          Buffer.buffer("{\"name\":\"" + "x".repeat(70_000) + "\"}"));
      case 7 -> new Malformed(HttpMethod.POST, "/api/v1/orders", MultiMap.caseInsensitiveMultiMap()
          .add("Content-Type", "text/plain").add("Idempotency-Key", product)
          .add("Authorization", "Bearer " + TestTokens.customer(product)), Buffer.buffer("{}"));
      case 8 -> new Malformed(HttpMethod.GET, "/api/v1/products?size=" + "9".repeat(5000), json, null);
      case 9 -> new Malformed(HttpMethod.GET, "/api/v1/products?q=a%00b", json, null);
      case 10 -> new Malformed(HttpMethod.GET, "/api/v1/products/%00%1b", json, null);
      case 11 -> new Malformed(HttpMethod.GET, "/api/v1/users/me", MultiMap.caseInsensitiveMultiMap()
          .add("Authorization", "Bearer " + TestTokens.customer(product) + "A"), null);
      case 12 -> new Malformed(HttpMethod.GET, "/api/v1/products", MultiMap.caseInsensitiveMultiMap()
          .add("X-Padding", "x".repeat(9000)), null);
      default -> new Malformed(HttpMethod.POST, "/api/v1/users", json,
          Buffer.buffer("{\"email\":\"   \",\"name\":\" \\t \",\"password\":1e999999,\"stock\":93.5}"));
    };
  }

  @Test
  void aStreamOfMalformedRequestsFromOneClientLeavesEveryOtherClientUntouched() {
    HttpClient hostile = vertx.createHttpClient(new HttpClientOptions()
        .setLocalAddress("127.0.0.2").setDefaultHost("127.0.0.1").setDefaultPort(GATEWAY_PORT));
    List<Integer> statuses = send(hostile, MALFORMED_REQUESTS, ClientIsolationIT::malformed);

    assertThat(statuses).as("every malformed request is answered").hasSize(MALFORMED_REQUESTS)
        .allSatisfy(status -> assertThat(status).as("a client error").isBetween(400, 499));
    assertThat(statuses).as("kinds of refusal").contains(400, 401, 413, 414, 415, 431);

    Http api = shop.api();
    String email = "bystander-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "secret-password");
    Response registered = api.post("/users", credentials.copy().put("name", "Bea").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    Response login = api.post("/auth/token", credentials.encode(), null);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    String productId = api.get("/products?size=1", null).items().get(0).getString("id");
    Response placed = api.post("/orders", new JsonObject()
            .put("items", new JsonArray().add(new JsonObject().put("productId", productId).put("quantity", 1)))
            .put("shippingAddress", "1 Main Street").encode(),
        login.json().getString("accessToken"), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);

    Response metrics = new Http(shop.origin()).get("/metrics", null);
    assertThat(metrics.body()).as("no breaker of the gateway is open or half-open")
        .doesNotContainPattern("shop_breaker_state\\{[^}]*\\} [12]\\.0");
  }

  /** Sends {@code count} requests, {@link #AT_ONCE} at a time; the status of each, or -1 if it got none. */
  private static List<Integer> send(HttpClient client, int count, IntFunction<Malformed> requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int first = 0; first < count; first += AT_ONCE) {
      List<Future<Integer>> batch = new ArrayList<>();
      for (int i = first; i < Math.min(count, first + AT_ONCE); i++) {
        Malformed request = requests.apply(i);
        batch.add(client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri())
                .setHeaders(request.headers()))
            .compose(sent -> request.body() == null ? sent.send() : sent.send(request.body()))
            .compose(response -> response.body().map(body -> response.statusCode()))
            .otherwise(-1));
      }
      Future.all(batch).await();
      batch.forEach(status -> statuses.add(status.result()));
    }
    return statuses;
  }
}
