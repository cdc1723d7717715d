package shop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.testing.Await;
import shop.testing.Consul;
import shop.testing.Http;
import shop.testing.TestInfra;

/**
 * The life of the system as a user drives it with {@code ./shop}, on the test profile: up, up
 * again, a killed service brought back, down. Runs last: it ends by stopping everything.
 */
class ShopCommandIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path STATE = ROOT.resolve(".shop/test");

  @Test
  void upStatusRecoveryAndDown() throws Exception {
    Result up = shop("up");
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(Consul.passingInstanceIds("user-service")).contains("user-service-1");
    Http.Response ui = new Http(TestInfra.consulUrl()).get("/ui/", null);
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("Consul");
    Matcher storefront = Pattern.compile("Storefront +(http://\\S+/)").matcher(up.output());
    assertThat(storefront.find()).as(up.output()).isTrue();
    Http.Response page = new Http(storefront.group(1)).send("GET", "", null, null, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(shop("status").exitCode()).isZero();

    long pid = pid("user-service-1");
    Result again = shop("up");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("user-service-1 already running");
    assertThat(pid("user-service-1")).as("a second up changes nothing").isEqualTo(pid);

    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    Await.until(Duration.ofSeconds(30), "the killed service's Consul check to turn critical",
        () -> Consul.checkStatus("user-service", "user-service-1").filter("critical"::equals).isPresent());
    assertThat(shop("status").exitCode()).as("status reports the dead service").isNotZero();
    Result recovered = shop("up");
    assertThat(recovered.exitCode()).as(recovered.output()).isZero();
    assertThat(pid("user-service-1")).isNotEqualTo(pid);
    assertThat(Consul.passingInstanceIds("user-service")).contains("user-service-1");

    Result down = shop("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(processesOfThisProfile()).as("processes left after down").isEmpty();
    for (int port : List.of(TestInfra.consulPort(), TestInfra.dbPort(), kafkaPort())) {
      assertThat(listening(port)).as("port %d still open after down", port).isFalse();
    }
  }

  private record Result(int exitCode, String output) {
  }

  private static Result shop(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("shop").toString(), command)
        .directory(ROOT.toFile())
        .redirectErrorStream(true);
    builder.environment().put("SHOP_PROFILE", "test");
    builder.environment().remove("SHOP_STATE");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("./shop " + command + " did not finish:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }

  private static long pid(String component) {
    try {
      return Long.parseLong(Files.readString(STATE.resolve("pids/" + component + ".pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> processesOfThisProfile() {
    return ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(command -> command.contains(STATE.toString()))
        .toList();
  }

  private static int kafkaPort() {
    String servers = TestInfra.kafkaBootstrapServers();
    return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
  }

  private static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
