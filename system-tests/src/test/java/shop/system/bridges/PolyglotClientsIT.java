package shop.system.bridges;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.system.Programs;
import shop.system.hostile.ShopBehindGateway;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.TestInfra;

/**
 * The clients in {@code clients/}, each with its own ecosystem's tools, against the whole shop: the
 * Python (pytest) and Go ({@code go test}) clients of the TCP bridge, the TypeScript client of the
 * SockJS bridge (node's test runner), and the Java example on the clustered event bus. Each
 * package's own tests run, then each {@code shop-watch} example: all four must end with the order
 * CONFIRMED, having printed the same steps.
 */
class PolyglotClientsIT {

  private static final Path CLIENTS = Path.of("..", "clients").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target", "clients").toAbsolutePath();
  private static final int GATEWAY_PORT = 18084;
  private static final String INSTANCE = "gateway-clients";

  private static ShopBehindGateway shop;
  private static Programs programs;

  @BeforeAll
  static void start() {
    shop = ShopBehindGateway.start("clients", GATEWAY_PORT);
    Await.until(Duration.ofSeconds(30), "the TCP bridge to pass its check in Consul", () ->
        Consul.passingInstanceIds("eventbus-bridge-tcp").contains(INSTANCE + ":eventbus-bridge-tcp"));
    int tcpPort = new JsonObject(Consul.get("/v1/agent/service/" + INSTANCE + ":eventbus-bridge-tcp"))
        .getInteger("Port");
    programs = new Programs(LOGS, Map.of(
        "SHOP_GATEWAY_URL", shop.origin(),
        "SHOP_BRIDGE_TCP", "127.0.0.1:" + tcpPort,
        "SHOP_CLUSTER_NAME", TestInfra.clusterName(),
        "SHOP_CLUSTER_PORT", String.valueOf(TestInfra.clusterPort())));
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void thePythonClientPassesItsTests() {
    Path python = CLIENTS.resolve("python");
    Path venv = LOGS.resolve("python-venv");
    run("python-venv", python, "python3", "-m", "venv", venv.toString());
    run("python-install", python, venv.resolve("bin/pip").toString(), "install", "--quiet", "-e", ".[test]");
    run("pytest", python, venv.resolve("bin/pytest").toString(), "-v");
  }

  @Test
  void theGoClientPassesItsTests() {
    run("go-test", CLIENTS.resolve("go"), "go", "test", "-count=1", "-v", "./...");
  }

  @Test
  void theTypeScriptClientPassesItsTests() {
    Path typescript = CLIENTS.resolve("typescript");
    run("npm-ci", typescript, "npm", "ci", "--no-audit", "--no-fund");
    run("npm-test", typescript, "npm", "test");
  }

  @Test
  void everyExampleEndsWithTheOrderConfirmedAfterTheSameSteps() {
    Path pythonPackage = CLIENTS.resolve("python");
    Path venv = LOGS.resolve("example-venv");
    run("example-python-venv", pythonPackage, "python3", "-m", "venv", venv.toString());
    run("example-python-install", pythonPackage, venv.resolve("bin/pip").toString(), "install", "--quiet", ".");
    Path typescriptPackage = CLIENTS.resolve("typescript");
    run("example-npm-ci", typescriptPackage, "npm", "ci", "--no-audit", "--no-fund");
    run("example-npm-build", typescriptPackage, "npm", "run", "build");

    List<String> python = steps(run("example-python", pythonPackage, venv.resolve("bin/shop-watch").toString()));
    List<String> go = steps(run("example-go", CLIENTS.resolve("go"), "go", "run", "./cmd/shop-watch"));
    List<String> typescript = steps(run("example-typescript", typescriptPackage, "node", "dist/src/watch-cli.js"));
    List<String> java = steps(run("example-java", CLIENTS.resolve("java"), javaBinary(), "-jar",
        "target/shop-watch.jar"));

    assertThat(python).startsWith("OrderPlaced PENDING").endsWith("OrderConfirmed CONFIRMED");
    assertThat(go).as("Go, against Python").isEqualTo(python);
    assertThat(typescript).as("TypeScript, against Python").isEqualTo(python);
    assertThat(java).as("Java, against Python").isEqualTo(python);
  }

  /** What an example printed after its {@code order <id>} line: one line per step. */
  private static List<String> steps(String stdout) {
    List<String> lines = stdout.lines().toList();
    assertThat(lines).as(stdout).isNotEmpty();
    assertThat(lines.get(0)).matches("order [0-9a-f-]{36}");
    return lines.subList(1, lines.size());
  }

  private static String run(String name, Path directory, String... command) {
    return programs.run(name, directory, Duration.ofMinutes(5), command);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
