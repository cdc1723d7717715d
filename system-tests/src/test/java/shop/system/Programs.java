package shop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the programs a system test drives (npm, pytest, go), each with its output kept under a name. */
public final class Programs {

  private final Path logs;
  private final Map<String, String> environment;

  /**
   * @param logs where each run's {@code <name>.out} and {@code <name>.err} are kept
   * @param environment added to this JVM's environment for every run
   */
  public Programs(Path logs, Map<String, String> environment) {
    this.logs = logs;
    this.environment = Map.copyOf(environment);
  }

  /** Runs a command to completion within {@code timeout} (it must exit 0) and returns its standard output. */
  public String run(String name, Path directory, Duration timeout, String... command) {
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    try {
      Files.createDirectories(logs);
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      process.destroyForcibly();
      String stdout = Files.readString(out);
      String report = String.join(" ", command) + " in " + directory + "\n--- stdout\n" + stdout + "\n--- stderr\n"
          + Files.readString(err);
      assertThat(finished).as("finished within " + timeout + ": " + report).isTrue();
      assertThat(process.exitValue()).as(report).isZero();
      return stdout;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command) + " (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
