package shop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running in its own JVM from its runnable jar, against the test infrastructure. */
public final class ServiceProcess implements AutoCloseable {

  private final String service;
  private final String instanceId;
  private final Process process;
  private final Path log;

  private ServiceProcess(String service, String instanceId, Process process, Path log) {
    this.service = service;
    this.instanceId = instanceId;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code target/<service>.jar} of the module under test and waits until Consul reports the
   * instance passing its readiness check.
   */
  public static ServiceProcess start(String service, String instanceId, Map<String, String> extraEnv) {
    Path jar = Path.of("target", service + ".jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
    }
    try {
      Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(instanceId + ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx160m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(TestInfra.serviceEnvironment());
      builder.environment().put("INSTANCE_ID", instanceId);
      builder.environment().putAll(extraEnv);
      ServiceProcess started = new ServiceProcess(service, instanceId, builder.start(), log);
      started.awaitPassing(Duration.ofSeconds(90));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void awaitPassing(Duration timeout) {
    Await.until(timeout, instanceId + " to pass its Consul check (log: " + log + ")", () -> {
      if (!process.isAlive()) {
        throw new AssertionError(instanceId + " exited with " + process.exitValue() + ", log: " + log);
      }
      return Consul.passingInstanceIds(service).contains(instanceId);
    });
  }

  public String instanceId() {
    return instanceId;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the process dies at once, without unregistering. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: a graceful stop. Returns the exit code. */
  public int stop() {
    process.destroy();
    return waitForExit();
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public String toString() {
    return instanceId + " (pid " + process.pid() + ")";
  }

}
