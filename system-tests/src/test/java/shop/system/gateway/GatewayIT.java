package shop.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shop.platform.security.Jwt;
import shop.system.orders.SagaParticipants;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http.Response;
import shop.testing.Http;
import shop.testing.ServiceProcess;
import shop.testing.TestTokens;

/**
 * The API gateway in front of the real services: routing from Consul, balancing and failover,
 * authentication, rate limits from Consul KV, circuit breaking and the OpenAPI contract.
 * The tests that stop services run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

  private static final int GATEWAY_PORT = 18080;
  private static final String API = "http://127.0.0.1:" + GATEWAY_PORT + "/api/v1";
  private static final Duration BREAKER_TIMEOUT = Duration.ofMillis(3000);
  /** The gateway outside its API: /metrics, and paths it does not serve. */
  private static final Http GATEWAY_ROOT = new Http("http://127.0.0.1:" + GATEWAY_PORT);
  private static final Http GATEWAY = new Http(API);

  private static SagaParticipants participants;
  private static ServiceProcess orders;
  private static ServiceProcess gateway;
  private static Vertx vertx;
  private static String productId;

  @BeforeAll
  static void startSystem() {
    participants = SagaParticipants.start();
    orders = ServiceProcess.start("order-service", "order-service-gateway-it", Map.of());
    gateway = ServiceProcess.start("gateway", "gateway-it", Map.of("HTTP_PORT", String.valueOf(GATEWAY_PORT)));
    vertx = Vertx.vertx();
    Await.until(Duration.ofSeconds(30), "the gateway to route to inventory-service",
        () -> get("/products?size=1", null).status() == 200);
    productId = get("/products?size=1", null).json().getJsonArray("items").getJsonObject(0).getString("id");
  }

  @AfterAll
  static void stopSystem() {
    Consul.deleteTree("config/gateway/");
    if (gateway != null) {
      gateway.close();
    }
    if (orders != null) {
      orders.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  // ---- routing and the contract

  @Test
  @Order(1)
  void servesPublicRoutesAndItsContractWithoutAToken() {
    assertThat(get("/products/" + productId, null).json().getString("id")).isEqualTo(productId);
    assertThat(get("/auth/jwks", null).json().getJsonArray("keys")).hasSize(1);
    Response contract = get("/openapi.yaml", null);
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.body()).startsWith("openapi: 3.1").contains("/api/v1/orders/{id}/history:");
  }

  @Test
  @Order(2)
  void registersLogsInAndServesTheCaller() {
    String email = "gw-" + UUID.randomUUID() + "@example.com";
    Response registered = send("POST", "/users", new JsonObject().put("email", email).put("name", "Gwen")
        .put("password", "secret-password").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String token = login(email);
    Response me = get("/users/me", token);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().getString("email")).isEqualTo(email);
  }

  @Test
  @Order(3)
  void unknownRoutesAreNotFoundAndWrongMethodsNotAllowed() {
    assertProblem(get("/nothing-here", null), 404);
    assertProblem(get("/users/someone-else", TestTokens.customer(UUID.randomUUID().toString())), 404);
    assertProblem(send("DELETE", "/products", null, TestTokens.admin()), 405);
    Response outsideTheApi = GATEWAY_ROOT.get("/nope", null);
    assertProblem(outsideTheApi, 404);
  }

  @Test
  @Order(4)
  void keepsOrGeneratesTheRequestIdAndReturnsIt() {
    Response kept = send("GET", "/products?size=1", null, null, "X-Request-ID", "gw-test-42");
    assertThat(kept.header("X-Request-ID")).isEqualTo("gw-test-42");
    Response generated = get("/products?size=1", null);
    assertThat(UUID.fromString(generated.header("X-Request-ID"))).isNotNull();
    Response error = get("/orders", null);
    assertThat(error.header("X-Request-ID")).as("errors carry it too").isNotBlank();
    assertThat(error.header("X-Request-ID")).isNotEqualTo(generated.header("X-Request-ID"));
  }

  @Test
  @Order(5)
  void answersCorsPreflights() {
    Response preflight = send("OPTIONS", "/orders", null, null, "Origin", "https://shop.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
    assertThat(preflight.status()).isBetween(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", "https://shop.example");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
  }

  // ---- authentication and authorization

  @Test
  @Order(10)
  void rejectsMissingMalformedForgedAndExpiredTokens() {
    String userId = UUID.randomUUID().toString();
    assertUnauthorized(get("/orders", null));
    assertUnauthorized(get("/orders", "not-a-jwt"));
    assertUnauthorized(get("/orders", forgedToken(userId)));
    assertUnauthorized(get("/orders", expiredToken(userId)));
    assertUnauthorized(send("GET", "/orders", null, null, "Authorization", "Basic dXNlcjpwdw=="));
    assertThat(get("/orders", TestTokens.customer(userId)).status()).isEqualTo(200);
  }

  @Test
  @Order(11)
  void onlyAdminsReachAdminRoutes() {
    String customer = TestTokens.customer(UUID.randomUUID().toString());
    assertProblem(send("POST", "/admin/orders/read-model/rebuild", null, customer), 403);
    assertProblem(send("POST", "/products", newProduct().encode(), customer), 403);
    assertProblem(send("PUT", "/products/" + productId + "/stock", "{\"stock\":5}", customer), 403);
    Response created = send("POST", "/products", newProduct().encode(), TestTokens.admin());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  @Order(12)
  void aCustomerCannotSeeAnotherCustomersOrder() {
    String ann = TestTokens.customer(UUID.randomUUID().toString());
    String bob = TestTokens.customer(UUID.randomUUID().toString());
    Response placed = send("POST", "/orders", order(productId, "items").encode(), ann,
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    String orderId = placed.json().getString("id");
    assertThat(get("/orders/" + orderId, ann).status()).isEqualTo(200);
    assertProblem(get("/orders/" + orderId, bob), 404);
    assertProblem(get("/orders/" + orderId + "/history", bob), 404);
  }

  // ---- validation against the contract

  @Test
  @Order(20)
  void rejectsABadBodyAtEachRouteNamingTheField() {
    String customer = TestTokens.customer(UUID.randomUUID().toString());
    String admin = TestTokens.admin();
    assertBadField(send("POST", "/users", "{\"email\":\"nope\",\"name\":\"Ann\",\"password\":\"secret-password\"}", null),
        "email");
    assertBadField(send("POST", "/users", "{\"email\":\"ann@example.com\",\"password\":\"secret-password\"}", null),
        "name");
    assertBadField(send("POST", "/auth/token", "{\"email\":\"ann@example.com\"}", null), "password");
    assertBadField(send("PATCH", "/users/me", "{\"name\":5}", customer), "name");
    assertBadField(send("POST", "/products", newProduct().put("priceMinor", "cheap").encode(), admin), "priceMinor");
    assertBadField(send("PUT", "/products/" + productId + "/stock", "{\"stock\":-1}", admin), "stock");
    assertBadField(send("POST", "/orders", order("not-a-uuid", "items").encode(), customer,
        "Idempotency-Key", "k-1"), "items[0].productId");
    assertBadField(send("POST", "/orders", order(productId, "items").encode(), customer), "Idempotency-Key");
    assertBadField(get("/products?size=1000", null), "size");
    assertProblem(send("POST", "/users", "{\"email\":", null), 400);
  }

  @Test
  @Order(21)
  void rejectsAnOversizedBody() {
    String huge = new JsonObject().put("email", "big@example.com").put("name", "x".repeat(100_000))
        .put("password", "secret-password").encode();
    assertProblem(send("POST", "/users", huge, null), 413);
  }

  // ---- rate limiting

  @Test
  @Order(30)
  void limitsEachClientAndFollowsNewLimitsFromConsul() {
    String client = TestTokens.customer(UUID.randomUUID().toString());
    try {
      Consul.putKey("config/gateway/ratelimit.per-second", "1");
      Consul.putKey("config/gateway/ratelimit.burst", "5");
      List<Response> seen = new ArrayList<>();
      Await.until(Duration.ofSeconds(10), "the lower limit to apply", () -> {
        seen.clear();
        for (int i = 0; i < 10; i++) {
          seen.add(get("/products/" + productId, client));
        }
        return seen.stream().anyMatch(response -> response.status() == 429);
      });
      // A new client gets the burst, then one request a second.
      String fresh = TestTokens.customer(UUID.randomUUID().toString());
      List<Response> burst = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        burst.add(get("/products/" + productId, fresh));
      }
      assertThat(burst.stream().filter(response -> response.status() == 200).count())
          .as("the burst of 5 (and a refill at most) went through").isBetween(5L, 6L);
      Response limited = burst.get(burst.size() - 1);
      assertProblem(limited, 429);
      assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
      assertThat(get("/products/" + productId, TestTokens.customer(UUID.randomUUID().toString())).status())
          .as("other clients have buckets of their own").isEqualTo(200);

      Consul.putKey("config/gateway/ratelimit.per-second", "1000");
      Consul.putKey("config/gateway/ratelimit.burst", "1000");
      Await.until(Duration.ofSeconds(10), "the raised limit to apply", () -> {
        for (int i = 0; i < 30; i++) {
          if (get("/products/" + productId, client).status() != 200) {
            return false;
          }
        }
        return true;
      });
    } finally {
      Consul.deleteTree("config/gateway/");
    }
  }

  // ---- balancing and failover; these stop services, so they run last

  @Test
  @Order(40)
  void balancesOverInstancesAndLosesAlmostNothingWhenOneIsKilled() throws Exception {
    ServiceProcess first = participants.inventory;
    ServiceProcess second = ServiceProcess.start("inventory-service", "inventory-service-gateway-it", Map.of());
    try {
      String token = TestTokens.customer(UUID.randomUUID().toString());
      Await.until(Duration.ofSeconds(15), "the gateway to send traffic to the new instance", () -> {
        double before = servedRequests(second);
        for (int i = 0; i < 10; i++) {
          get("/products/" + productId, token);
        }
        return servedRequests(second) >= before + 3;
      });

      double firstBefore = servedRequests(first);
      double secondBefore = servedRequests(second);
      for (int i = 0; i < 200; i++) {
        Response response = get("/products/" + productId, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
      }
      double firstShare = servedRequests(first) - firstBefore;
      double secondShare = servedRequests(second) - secondBefore;
      assertThat(firstShare).as("requests served by %s", first).isGreaterThanOrEqualTo(60);
      assertThat(secondShare).as("requests served by %s", second).isGreaterThanOrEqualTo(60);

      killUnderLoad(second);
    } finally {
      second.close();
    }
  }

  /** Steady load from 4 clients; one instance is SIGKILLed 2 s in; the load goes on until 12 s after. */
  private static void killUnderLoad(ServiceProcess victim) throws Exception {
    record Outcome(long startedNanos, int status) {
    }
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> loops = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      String token = TestTokens.customer(UUID.randomUUID().toString());
      loops.add(clients.submit(() -> {
        while (running.get()) {
          long started = System.nanoTime();
          int status;
          try {
            status = get("/products/" + productId, token).status();
          } catch (RuntimeException e) {
            status = -1;
          }
          outcomes.add(new Outcome(started, status));
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // pacing: about 50 requests a second per client
        }
      }));
    }
    Await.until(Duration.ofSeconds(30), "steady load before the kill", () -> outcomes.size() >= 100);
    long killedAt = System.nanoTime();
    victim.kill();
    long tenSecondsAfter = killedAt + TimeUnit.SECONDS.toNanos(10);
    Await.until(Duration.ofSeconds(40), "requests from 10 s after the kill on", () -> List.copyOf(outcomes).stream()
        .filter(outcome -> outcome.startedNanos() >= tenSecondsAfter).count() >= 100);
    running.set(false);
    for (Future<?> loop : loops) {
      loop.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();

    List<Outcome> all = List.copyOf(outcomes);
    long failed = all.stream().filter(outcome -> outcome.status() != 200).count();
    List<Outcome> late = all.stream().filter(outcome -> outcome.startedNanos() >= tenSecondsAfter).toList();
    System.out.printf("SIGKILL under load: %d of %d requests failed, %d sent from 10 s after the kill on%n",
        failed, all.size(), late.size());
    assertThat(all.size()).as("requests sent").isGreaterThan(500);
    assertThat((double) failed / all.size()).as("%d of %d requests failed", failed, all.size()).isLessThanOrEqualTo(0.01);
    assertThat(late).as("requests from 10 s after the kill on").isNotEmpty()
        .allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(200));
  }

  @Test
  @Order(45)
  void answers503WhenAnInstanceDoesNotAnswerWithinTheBreakerTimeout() throws Exception {
    ServiceProcess inventory = participants.inventory;
    assertThat(get("/products/" + productId, null).status()).isEqualTo(200);
    signal("STOP", inventory);
    try {
      // The frozen instance still accepts connections (the kernel does) but never answers.
      long started = System.nanoTime();
      Response response = get("/products/" + productId, null);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertProblem(response, 503);
      assertThat(response.json().getString("detail")).contains("did not answer in time");
      assertThat(took).isBetween(BREAKER_TIMEOUT.minusMillis(100), BREAKER_TIMEOUT.plusSeconds(2));
    } finally {
      signal("CONT", inventory);
    }
    Await.until(Duration.ofSeconds(30), "the gateway to route to the thawed instance again",
        () -> get("/products/" + productId, null).status() == 200);
  }

  private static void signal(String signal, ServiceProcess process) throws Exception {
    int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
    assertThat(exit).as("kill -%s %s", signal, process).isZero();
  }

  @Test
  @Order(50)
  void answers503FastWhenEveryInstanceOfAServiceIsDown() {
    String token = TestTokens.customer(UUID.randomUUID().toString());
    assertThat(get("/orders", token).status()).isEqualTo(200);
    orders.kill();

    // Consul still lists the dead instance for a moment: the connection is refused, never hangs.
    long started = System.nanoTime();
    Response down = get("/orders", token);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertProblem(down, 503);
    assertThat(down.header("Retry-After")).isNotBlank();
    assertThat(took).isLessThan(BREAKER_TIMEOUT);

    // Once Consul has noticed, there is no healthy instance at all: still a fast 503.
    Await.until(Duration.ofSeconds(20), "Consul to see order-service down",
        () -> !Consul.passingInstanceIds("order-service").contains(orders.instanceId()));
    for (int i = 0; i < 10; i++) {
      started = System.nanoTime();
      Response response = get("/orders", token);
      assertProblem(response, 503);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BREAKER_TIMEOUT);
    }
    // Other services are unaffected.
    assertThat(get("/products/" + productId, token).status()).isEqualTo(200);

    // The gateway's metrics tell the calls that got no answer from those that did, per upstream.
    String metrics = GATEWAY_ROOT.get("/metrics", null).body();
    assertThat(upstreamCalls(metrics, "order-service", "no-answer")).isGreaterThanOrEqualTo(1);
    assertThat(upstreamCalls(metrics, "inventory-service", "2xx")).isGreaterThanOrEqualTo(1);
    assertThat(metrics)
        .containsPattern("(?m)^shop_gateway_requests_seconds_count\\{[^}]*outcome=\"5xx\"[^}]*\\} [1-9]");
    assertThat(metrics).containsPattern("(?m)^shop_breaker_state\\{[^}]*breaker=\"order-service\"[^}]*\\} [0-2]");
  }

  // ---- what the gateway serves itself: search passes through, the drills, the browser app

  @Test
  void searchesTheCatalogByNameOrSkuIgnoringCaseAndTakingWildcardsLiterally() {
    String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestTokens.admin();
    JsonObject discounted = newProduct().put("name", "Lamp " + marker + " 50%_off");
    JsonObject plain = newProduct().put("name", "Lamp " + marker + " 50 percent off");
    assertThat(send("POST", "/products", discounted.encode(), admin).status()).isEqualTo(201);
    assertThat(send("POST", "/products", plain.encode(), admin).status()).isEqualTo(201);

    assertThat(names(get("/products?q=" + marker.toUpperCase(), null)))
        .containsExactlyInAnyOrder(discounted.getString("name"), plain.getString("name"));
    assertThat(names(get("/products?q=" + marker + "%2050%25_", null))).containsExactly(discounted.getString("name"));
    assertThat(names(get("/products?q=" + discounted.getString("sku"), null)))
        .containsExactly(discounted.getString("name"));
    assertThat(get("/products?q=" + marker + "-nothing", null).items()).isEmpty();
    assertBadField(get("/products?q=", null), "q");
  }

  @Test
  void adminsSwitchTheFaultDrillsInConsulKv() {
    String setting = "config/payment-service/provider.failure-rate";
    String admin = TestTokens.admin();
    try {
      Response drills = get("/admin/drills", admin);
      assertThat(drills.status()).as(drills.body()).isEqualTo(200);
      assertThat(drills.json().getJsonArray("drills").stream().map(d -> ((JsonObject) d).getString("name")))
          .contains("payment-failures", "slow-payments");

      Response on = send("PUT", "/admin/drills/payment-failures", "{\"on\":true}", admin);
      assertThat(on.status()).as(on.body()).isEqualTo(200);
      assertThat(on.json().getBoolean("on")).isTrue();
      assertThat(on.json().getString("setting")).isEqualTo(setting);
      assertThat(Consul.value(setting)).contains("1.0");
      assertThat(drill(get("/admin/drills", admin), "payment-failures").getBoolean("on")).isTrue();

      Response off = send("PUT", "/admin/drills/payment-failures", "{\"on\":false}", admin);
      assertThat(off.json().getBoolean("on")).isFalse();
      assertThat(Consul.value(setting)).isEmpty();

      assertProblem(send("PUT", "/admin/drills/payment-failures", "{\"on\":true}",
          TestTokens.customer(UUID.randomUUID().toString())), 403);
      assertProblem(get("/admin/drills", null), 401);
      assertProblem(send("PUT", "/admin/drills/no-such-drill", "{\"on\":true}", admin), 404);
      assertBadField(send("PUT", "/admin/drills/payment-failures", "{\"on\":\"yes\"}", admin), "on");
      assertThat(Consul.value(setting)).isEmpty();
    } finally {
      send("PUT", "/admin/drills/payment-failures", "{\"on\":false}", admin);
    }
  }

  @Test
  void servesTheBrowserAppBesideTheApi() {
    Response page = GATEWAY_ROOT.send("GET", "/", null, null, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    // The app routes on the client: a page it knows is the same document.
    assertThat(GATEWAY_ROOT.send("GET", "/ops", null, null, "Accept", "text/html").body()).isEqualTo(page.body());

    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
    assertThat(script.find()).as(page.body()).isTrue();
    Response asset = GATEWAY_ROOT.get(script.group(1), null);
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.contentType()).contains("javascript");
    assertThat(asset.header("Cache-Control")).contains("immutable", "max-age=31536000");

    // Neither a path the app does not serve, nor an unknown API route, falls through to the page.
    assertProblem(GATEWAY_ROOT.send("GET", "/assets/missing.js", null, null, "Accept", "text/html"), 404);
    assertProblem(GATEWAY_ROOT.send("GET", "/no-such-page", null, null, "Accept", "application/json"), 404);
    assertProblem(GATEWAY_ROOT.send("GET", "/api/v1/no-such-route", null, null, "Accept", "text/html"), 404);
  }

  private static List<String> names(Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.items().stream().map(product -> product.getString("name")).toList();
  }

  private static JsonObject drill(Response drills, String name) {
    return drills.json().getJsonArray("drills").stream().map(JsonObject.class::cast)
        .filter(drill -> name.equals(drill.getString("name"))).findFirst().orElseThrow();
  }

  // ---- helpers

  private static final Pattern REQUESTS = Pattern.compile(
      "(?m)^vertx_http_server_requests_total\\{[^}]*\\} ([0-9.eE+]+)$");

  /** Requests an instance has served, from its own /metrics (health checks included: a few every few seconds). */
  private static double servedRequests(ServiceProcess instance) {
    Response metrics = new Http(Consul.address(instance.instanceId())).get("/metrics", null);
    Matcher matcher = REQUESTS.matcher(metrics.body());
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }

  /** Calls the gateway made to a service with an outcome, from its {@code shop_gateway_upstream_seconds_count}. */
  private static double upstreamCalls(String metrics, String upstream, String outcome) {
    Matcher matcher = Pattern.compile("(?m)^shop_gateway_upstream_seconds_count\\{([^}]*)\\} ([0-9.eE+]+)$")
        .matcher(metrics);
    while (matcher.find()) {
      if (matcher.group(1).contains("upstream=\"" + upstream + "\"")
          && matcher.group(1).contains("outcome=\"" + outcome + "\"")) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    return 0;
  }

  private static String login(String email) {
    Response token = send("POST", "/auth/token", new JsonObject().put("email", email)
        .put("password", "secret-password").encode(), null);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return token.json().getString("accessToken");
  }

  private static JsonObject newProduct() {
    return new JsonObject().put("sku", "GW-" + UUID.randomUUID()).put("name", "Gateway test product")
        .put("priceMinor", 1200).put("currency", "EUR").put("stock", 10);
  }

  private static JsonObject order(String product, String itemsField) {
    return new JsonObject()
        .put(itemsField, new JsonArray().add(new JsonObject().put("productId", product).put("quantity", 1)))
        .put("shippingAddress", "1 Main Street");
  }

  /** A well-formed token for the right issuer, signed with a key the gateway does not trust. */
  private static String forgedToken(String userId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      JWTAuth forger = Jwt.signer(vertx, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          pem("PUBLIC KEY", pair.getPublic().getEncoded()), "shop");
      return forger.generateToken(claims(userId), new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop")
          .setSubject(userId).setExpiresInSeconds(3600));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed with the real key that expired a minute ago. */
  private static String expiredToken(String userId) {
    JWTAuth signer = Jwt.signer(vertx, Jwt.readPem(System.getenv("JWT_PRIVATE_KEY_FILE")),
        Jwt.readPem(System.getenv("JWT_PUBLIC_KEY_FILE")), "shop");
    long now = System.currentTimeMillis() / 1000;
    return signer.generateToken(claims(userId).put("iat", now - 3660).put("exp", now - 60),
        new JWTOptions().setAlgorithm(Jwt.ALGORITHM).setIssuer("shop").setSubject(userId).setNoTimestamp(true));
  }

  private static JsonObject claims(String userId) {
    return new JsonObject().put("email", userId + "@example.com").put(Jwt.ROLES_CLAIM, new JsonArray().add("customer"));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void assertUnauthorized(Response response) {
    assertProblem(response, 401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  private static void assertBadField(Response response, String field) {
    assertProblem(response, 400);
    assertThat(response.json().getJsonArray("errors").stream().map(error -> ((JsonObject) error).getString("field")))
        .as(response.body()).contains(field);
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.isProblem(status)).as("%d problem+json, got %d %s %s", status, response.status(),
        response.contentType(), response.body()).isTrue();
  }

  private static Response get(String path, String token) {
    return GATEWAY.get(path, token);
  }

  private static Response send(String method, String path, String body, String token, String... headers) {
    return GATEWAY.send(method, path, body, token, headers);
  }
}
