package shop.system.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.testing.ServiceProcess;

/** The README's walkthrough, run as it is written, against the whole system through the gateway. */
class ReadmeWalkthroughIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String GATEWAY_PORT = "18080";

  private static ServiceProcess orderService;
  private static ServiceProcess gateway;

  @BeforeAll
  static void startTheShop() {
    SagaParticipants.start();
    orderService = ServiceProcess.start("order-service", "order-service-walkthrough", Map.of());
    gateway = ServiceProcess.start("gateway", "gateway-walkthrough", Map.of("HTTP_PORT", GATEWAY_PORT));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    orderService.close();
  }

  @Test
  void theWalkthroughRunsAsWrittenAndEndsWithAConfirmedOrder() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"),
        readme.indexOf("<!-- walkthrough:end -->"));
    String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));

    Path log = Files.createDirectories(Path.of("target")).resolve("walkthrough.log");
    ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    bash.environment().put("GW", "http://127.0.0.1:" + GATEWAY_PORT + "/api/v1");
    Process run = bash.start();
    boolean finished = run.waitFor(3, TimeUnit.MINUTES);
    run.destroyForcibly();
    String output = Files.readString(log);
    assertThat(finished).as("the walkthrough finished:\n" + output).isTrue();

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("is CONFIRMED").contains("OrderPlaced", "OrderConfirmed")
        .contains("\"status\": \"CAPTURED\"").contains("ORDER_CONFIRMED");
  }
}
