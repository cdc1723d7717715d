package shop.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.users.UserDirectory;
import shop.contracts.users.UserSummary;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http;
import shop.testing.Http.Response;
import shop.testing.ServiceProcess;
import shop.testing.TestCluster;

/** user-service in its own JVM against the real PostgreSQL, Kafka, Consul and clustered event bus. */
class UserServiceIT {

  private static ServiceProcess service;
  private static Http api;

  @BeforeAll
  static void start() {
    service = ServiceProcess.start("user-service", "user-service-it-1", Map.of());
    api = new Http(Consul.address(service.instanceId()) + "/api/v1");
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void registerLogInReadAndUpdateTheProfile() {
    String email = uniqueEmail();
    Response registered = api.post("/users", registration(email), null);
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().getString("email")).isEqualTo(email);
    assertThat(registered.json().getJsonArray("roles")).containsExactly("customer");
    assertThat(registered.body()).doesNotContain("secret-password").doesNotContainIgnoringCase("hash");

    Response token = api.post("/auth/token", credentials(email, "secret-password"), null);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().getString("tokenType")).isEqualTo("Bearer");
    assertThat(token.json().getInteger("expiresIn")).isPositive();
    String accessToken = token.json().getString("accessToken");

    Response me = api.get("/users/me", accessToken);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(registered.json().getString("id"));

    Response renamed = api.patch("/users/me", "{\"name\":\"Renamed\"}", accessToken);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(api.get("/users/me", accessToken).json().getString("name")).isEqualTo("Renamed");

    Response deleted = api.send("DELETE", "/users/me", null, accessToken);
    assertThat(deleted.isProblem(405)).as(deleted.body()).isTrue();
    assertThat(deleted.header("Allow")).isEqualTo("GET, PATCH");
  }

  @Test
  void anEmailRegistersOnceWhateverItsCase() {
    String email = uniqueEmail();
    assertThat(api.post("/users", registration(email), null).status()).isEqualTo(201);

    assertThat(api.post("/users", registration(email.toUpperCase()), null).isProblem(409)).isTrue();
  }

  @Test
  void anEmailIsStoredInLowerCaseAndLogsInWrittenEitherWay() {
    String email = uniqueEmail();
    Response registered = api.post("/users", registration(email.toUpperCase()), null);
    assertThat(registered.json().getString("email")).isEqualTo(email);

    assertThat(api.post("/auth/token", credentials(email.toUpperCase(), "secret-password"), null).status())
        .isEqualTo(200);
  }

  @Test
  void textPostgresqlCannotStoreIsA400NamingTheFieldNeverA500() {
    String email = uniqueEmail();
    for (String name : new String[] {"A\\u0000n", "A\\u0007n", "A\\ud800n"}) {
      Response refused = api.post("/users",
          "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"password\":\"secret-password\"}", null);
      assertThat(refused.isProblem(400)).as(refused.body()).isTrue();
      assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
    }
    Response nulInEmail = api.post("/auth/token", credentials("a\u0000@example.com", "secret-password"), null);
    assertThat(nulInEmail.isProblem(400)).as(nulInEmail.body()).isTrue();

    assertThat(api.post("/users", registration(email), null).status()).as("nothing was stored").isEqualTo(201);
  }

  @Test
  void wrongCredentialsAre401() {
    String email = uniqueEmail();
    api.post("/users", registration(email), null);

    assertThat(api.post("/auth/token", credentials(email, "wrong-password"), null).isProblem(401)).isTrue();
    assertThat(api.post("/auth/token", credentials(uniqueEmail(), "secret-password"), null).isProblem(401)).isTrue();
  }

  @Test
  void badBodiesAre400ProblemsNamingTheFieldAndStoreNothing() {
    assertThat(api.post("/users", "{\"email\": \"x@", null).isProblem(400)).isTrue();
    assertThat(api.post("/users", "[]", null).isProblem(400)).isTrue();

    String email = uniqueEmail();
    Response missingPassword = api.post("/users", new JsonObject().put("email", email).put("name", "N").encode(), null);
    assertThat(missingPassword.isProblem(400)).isTrue();
    assertThat(missingPassword.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");

    Response badEmail = api.post("/users", registration("not-an-email"), null);
    assertThat(badEmail.isProblem(400)).isTrue();
    assertThat(badEmail.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("email");

    assertThat(api.post("/users", registration(email), null).status())
        .as("the rejected registration stored nothing").isEqualTo(201);
  }

  @Test
  void theProfileNeedsAValidToken() {
    assertThat(api.get("/users/me", null).isProblem(401)).isTrue();
    assertThat(api.get("/users/me", "not.a.token").isProblem(401)).isTrue();

    String email = uniqueEmail();
    api.post("/users", registration(email), null);
    String token = api.post("/auth/token", credentials(email, "secret-password"), null).json().getString("accessToken");
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertThat(api.get("/users/me", tampered).isProblem(401)).isTrue();
  }

  @Test
  void theConfiguredAdminCanLogInWithTheAdminRole() {
    Response token = api.post("/auth/token", credentials("admin@shop.local", "admin-change-me"), null);
    assertThat(token.status()).isEqualTo(200);
    Response me = api.get("/users/me", token.json().getString("accessToken"));
    assertThat(me.json().getJsonArray("roles")).contains("admin");
  }

  @Test
  void readinessReportsEachDependencyAndMetricsArePrometheusText() {
    Http root = new Http(Consul.address(service.instanceId()));
    Response ready = root.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactlyInAnyOrder("database", "consul");
    assertThat(root.get("/health/live", null).status()).isEqualTo(200);

    Response metrics = root.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("vertx_http_server_requests_total").contains("service=\"user-service\"");
  }

  @Test
  void aClusteredEventBusClientInAnotherJvmLooksUpUsersThroughTheProxy() {
    String email = uniqueEmail();
    String id = api.post("/users", registration(email), null).json().getString("id");
    Vertx client = TestCluster.join();
    try {
      UserDirectory users = UserDirectory.createProxy(client);

      UserSummary found = users.findById(id).await();
      assertThat(found.getEmail()).isEqualTo(email);
      assertThat(found.getRoles()).containsExactly("customer");

      Future<UserSummary> unknown = users.findById(UUID.randomUUID().toString());
      assertThatThrownBy(unknown::await).isInstanceOfSatisfying(ServiceException.class,
          e -> assertThat(e.failureCode()).isEqualTo(UserDirectory.NOT_FOUND));
    } finally {
      client.close().await();
    }
  }

  @Test
  void twoInstancesRegisterWithDistinctIdsAndAGracefulStopUnregisters() {
    try (ServiceProcess second = ServiceProcess.start("user-service", "user-service-it-2", Map.of())) {
      assertThat(Consul.passingInstanceIds("user-service")).contains("user-service-it-1", "user-service-it-2");

      second.stop();

      assertThat(Consul.checkStatus("user-service", "user-service-it-2")).as("unregistered on SIGTERM").isEmpty();
    }
  }

  @Test
  void aKilledInstanceTurnsCriticalInConsulWithin30Seconds() {
    ServiceProcess doomed = ServiceProcess.start("user-service", "user-service-it-3", Map.of());

    doomed.kill();

    Await.until(Duration.ofSeconds(30), "the killed instance's check to turn critical",
        () -> Consul.checkStatus("user-service", "user-service-it-3").filter("critical"::equals).isPresent());
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  private static String registration(String email) {
    return new JsonObject().put("email", email).put("name", "Test User").put("password", "secret-password").encode();
  }

  private static String credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password).encode();
  }
}
