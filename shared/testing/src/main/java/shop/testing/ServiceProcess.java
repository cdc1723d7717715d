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

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

  private final String service;
  private final String instanceId;
  private final Map<String, String> extraEnv;
  private final Process process;
  private final Path log;

  private ServiceProcess(String service, String instanceId, Map<String, String> extraEnv, Process process, Path log) {
    this.service = service;
    this.instanceId = instanceId;
    this.extraEnv = Map.copyOf(extraEnv);
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the service's runnable jar and waits until Consul reports the instance passing its
   * readiness check.
   */
  public static ServiceProcess start(String service, String instanceId, Map<String, String> extraEnv) {
    ServiceProcess started = launch(service, instanceId, extraEnv);
    started.awaitPassing(STARTUP_TIMEOUT);
    return started;
  }

  /**
   * Starts the service's runnable jar without waiting for it: {@code target/<service>.jar} of the
   * module under test, or {@code services/<service>/target/<service>.jar} built by the reactor before.
   */
  public static ServiceProcess launch(String service, String instanceId, Map<String, String> extraEnv) {
    Path jar = jarOf(service);
    try {
      Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(instanceId + ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx160m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(TestInfra.serviceEnvironment());
      builder.environment().put("INSTANCE_ID", instanceId);
      builder.environment().putAll(extraEnv);
      return new ServiceProcess(service, instanceId, extraEnv, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts another JVM of this instance (same id and environment) once this one has stopped, and waits for it. */
  public ServiceProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(this + " is still running");
    }
    // Until Consul has noticed the old process is gone, "passing" would describe the dead one.
    Await.until(STARTUP_TIMEOUT, instanceId + " to stop passing in Consul",
        () -> !Consul.passingInstanceIds(service).contains(instanceId));
    ServiceProcess restarted = launch(service, instanceId, extraEnv);
    restarted.awaitPassing(STARTUP_TIMEOUT);
    return restarted;
  }

  private static Path jarOf(String service) {
    Path local = Path.of("target", service + ".jar").toAbsolutePath();
    // From system-tests, or from another service's module.
    Path fromSystemTests = Path.of("..", "services", service, "target", service + ".jar").toAbsolutePath().normalize();
    Path fromService = Path.of("..", service, "target", service + ".jar").toAbsolutePath().normalize();
    List<Path> candidates = List.of(local, fromSystemTests, fromService);
    return candidates.stream().filter(Files::exists).findFirst().orElseThrow(() -> new IllegalStateException(
        service + ".jar is missing (looked at " + candidates + "): integration tests run after `mvn package`"));
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
