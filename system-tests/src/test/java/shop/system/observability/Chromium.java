package shop.system.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium, headless, with a fresh profile each time and no traffic of its own. */
final class Chromium {

  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 60;

  private Chromium() {
  }

  /** The page's DOM after Chromium has loaded and rendered it. */
  static String renderedDom(String url) {
    return new String(run("--dump-dom", url), StandardCharsets.UTF_8);
  }

  /** A PNG of the page at 1280 px wide, saved to {@code file}. */
  static void screenshot(String url, Path file, int height) {
    run("--screenshot=" + file.toAbsolutePath(), "--window-size=1280," + height, "--hide-scrollbars", url);
  }

  private static byte[] run(String... args) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: install Debian's chromium package");
    }
    Path profile = null;
    try {
      profile = Files.createTempDirectory("chromium-profile");
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--disable-background-networking", "--no-first-run", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile));
      command.addAll(List.of(args));
      Process chromium = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] output = chromium.getInputStream().readAllBytes();
      if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
        throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      if (chromium.exitValue() != 0) {
        throw new IllegalStateException("chromium exited with " + chromium.exitValue() + ": " + command);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("could not run chromium", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
