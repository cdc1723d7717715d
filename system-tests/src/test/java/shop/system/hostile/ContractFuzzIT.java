package shop.system.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.testing.Http.Response;
import shop.testing.ServiceDatabase;
import shop.testing.TestTokens;

/**
 * Schemathesis, a property-based fuzzer, against the gateway's own contract ({@code /api/v1/openapi.yaml})
 * with every check on, once per caller: anonymous, a customer and an admin of its own. Any 5xx, or any
 * answer the contract does not declare, fails the test. Its settings, and the reason for each one that
 * is not Schemathesis' default, are in {@code system-tests/fuzz/schemathesis.toml}.
 */
class ContractFuzzIT {

  private static final int GATEWAY_PORT = 18081;
  /** Per caller: three callers stay within five minutes. */
  private static final int SECONDS_PER_CALLER = 90;
  private static final Path CONFIG = Path.of("fuzz", "schemathesis.toml").toAbsolutePath();
  private static final Path REPORTS = Path.of("target", "schemathesis").toAbsolutePath();
  private static final Pattern GENERATED = Pattern.compile("(\\d+) generated");

  private static ShopBehindGateway shop;
  private static Vertx vertx;
  private static Pool inventory;
  private static OffsetDateTime started;
  private static Map<String, Integer> stockBefore;

  @BeforeAll
  static void start() {
    shop = ShopBehindGateway.start("fuzz", GATEWAY_PORT);
    vertx = Vertx.vertx();
    inventory = ServiceDatabase.open(vertx, "inventory");
    started = inventory.query("SELECT now() AS now").execute().await().iterator().next().getOffsetDateTime("now");
    stockBefore = new HashMap<>();
    inventory.query("SELECT id, stock FROM products").execute().await()
        .forEach(row -> stockBefore.put(row.getUUID("id").toString(), row.getInteger("stock")));
  }

  /**
   * The admin run creates products, sets stock and switches fault drills: what it created goes, every
   * product the other tests know gets its stock back and every drill is switched off, through the API,
   * as an admin would.
   */
  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.switchOffEveryDrill();
    }
    if (inventory != null) {
      inventory.preparedQuery("DELETE FROM reservations WHERE order_id IN (SELECT l.order_id FROM reservation_lines l "
          + "JOIN products p ON p.id = l.product_id WHERE p.created_at >= $1)").execute(Tuple.of(started)).await();
      inventory.preparedQuery("DELETE FROM products WHERE created_at >= $1").execute(Tuple.of(started)).await();
      List<Row> changed = new ArrayList<>();
      inventory.query("SELECT id, stock FROM products").execute().await().forEach(changed::add);
      String admin = TestTokens.admin();
      for (Row row : changed) {
        Integer before = stockBefore.get(row.getUUID("id").toString());
        if (before != null && before != row.getInteger("stock").intValue()) {
          shop.api().put("/products/" + row.getUUID("id") + "/stock", new JsonObject().put("stock", before).encode(),
              admin);
        }
      }
    }
    if (shop != null) {
      shop.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void anAnonymousCallerGetsOnlyWhatTheContractDeclares() throws Exception {
    assertFuzzPasses("anonymous", null);
  }

  @Test
  void aCustomerGetsOnlyWhatTheContractDeclares() throws Exception {
    String email = "fuzz-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "fuzz-password");
    Response registered = shop.api().post("/users", credentials.copy().put("name", "Fuzz").encode(), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String token = shop.api().post("/auth/token", credentials.encode(), null).json().getString("accessToken");
    assertFuzzPasses("customer", token);
  }

  /** An admin of its own, so that the seeded admin account is never changed. */
  @Test
  void anAdminGetsOnlyWhatTheContractDeclares() throws Exception {
    assertFuzzPasses("admin", TestTokens.admin());
  }

  private static void assertFuzzPasses(String caller, String token) throws Exception {
    String schemathesis = System.getenv("SHOP_SCHEMATHESIS");
    assertThat(schemathesis).as("SHOP_SCHEMATHESIS, the st command ./shop test installs").isNotBlank();
    Files.createDirectories(REPORTS);
    Path log = REPORTS.resolve(caller + ".log");
    List<String> command = new ArrayList<>(List.of(schemathesis, "--no-color", "--config-file", CONFIG.toString(),
        "run", shop.origin() + "/api/v1/openapi.yaml",
        "--url", shop.origin(),
        "--max-time", String.valueOf(SECONDS_PER_CALLER),
        "--report", "junit", "--report-junit-path", REPORTS.resolve(caller + "-junit.xml").toString()));
    if (token != null) {
      command.addAll(List.of("--header", "Authorization: Bearer " + token));
    }
    Process fuzz = new ProcessBuilder(command)
        .directory(REPORTS.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(fuzz.waitFor(SECONDS_PER_CALLER + 120, TimeUnit.SECONDS)).as("Schemathesis finished").isTrue();
    String output = Files.readString(log);
    Matcher generated = GENERATED.matcher(output);
    System.out.printf("contract fuzz as %s: %s test cases, exit code %d (%s)%n", caller,
        generated.find() ? generated.group(1) : "?", fuzz.exitValue(), log);
    assertThat(fuzz.exitValue()).as("Schemathesis as %s found failures:%n%s", caller, tail(output)).isZero();
  }

  private static String tail(String output) {
    return output.length() <= 20_000 ? output : output.substring(output.length() - 20_000);
  }
}
