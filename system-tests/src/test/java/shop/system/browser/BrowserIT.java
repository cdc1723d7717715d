package shop.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.system.Programs;
import shop.system.hostile.ShopBehindGateway;

/**
 * The storefront and the operations page in a real browser: the browser tests in {@code web/e2e}
 * (playwright-core driving Debian's headless Chromium, run by node's test runner) against the whole
 * shop behind a gateway of its own, which serves the app from its jar. The screenshots they take are
 * kept in {@code target/screenshots}.
 */
class BrowserIT {

  private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target", "browser").toAbsolutePath();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
  private static final int GATEWAY_PORT = 18085;

  private static ShopBehindGateway shop;

  @BeforeAll
  static void start() {
    shop = ShopBehindGateway.start("browser", GATEWAY_PORT);
  }

  /** The drill test switches its drill off itself; every drill is switched off here too, whatever happened. */
  @AfterAll
  static void stop() {
    if (shop == null) {
      return;
    }
    shop.switchOffEveryDrill();
    shop.close();
  }

  @Test
  void shoppersAndAdminsGetWhatTheyCameForInABrowser() throws Exception {
    Programs programs = new Programs(LOGS, Map.of(
        "SHOP_GATEWAY_URL", shop.origin(),
        "SHOP_ADMIN_EMAIL", "admin@shop.local",
        "SHOP_ADMIN_PASSWORD", "admin-change-me",
        "SHOP_SCREENSHOTS", SCREENSHOTS.toString(),
        "CHROMIUM", "/usr/bin/chromium"));
    Files.createDirectories(SCREENSHOTS);
    programs.run("npm-ci", WEB, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
    programs.run("e2e", WEB, Duration.ofMinutes(10), "npm", "run", "test:e2e");

    for (String screenshot : new String[] {"storefront.png", "storefront-order.png", "ops.png"}) {
      assertThat(SCREENSHOTS.resolve(screenshot)).as("the tests' screenshot " + screenshot).isNotEmptyFile();
    }
  }
}
