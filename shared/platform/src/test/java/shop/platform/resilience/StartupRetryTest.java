package shop.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartupRetryTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger attempts = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void retriesATransientFailureUntilTheStepSucceeds() {
    StartupRetry retry = StartupRetry.until(deadlineIn(Duration.ofSeconds(30)), vertx);

    String result = retry.run("Kafka topics", () -> failingTimes(2, unknownTopic(), "created")).await();

    assertThat(result).isEqualTo("created");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void failsAtOnceOnAFailureThatWaitingWillNotMend() {
    StartupRetry retry = StartupRetry.until(deadlineIn(Duration.ofSeconds(30)), vertx);
    SQLException syntaxError = new SQLException("syntax error at or near \"TABEL\"", "42601");

    Future<String> migrated = retry.run("database", () -> failingTimes(1, new RuntimeException(syntaxError), "done"));

    assertThatThrownBy(migrated::await).hasRootCause(syntaxError);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void givesUpOnceTheDeadlinePassesNamingTheStepAndTheCause() {
    long deadline = deadlineIn(Duration.ofMillis(700));
    StartupRetry retry = StartupRetry.until(deadline, vertx);
    ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:15432");

    Future<String> migrated = retry.run("database orders", () -> failingTimes(Integer.MAX_VALUE, refused, "never"));

    assertThatThrownBy(migrated::await)
        .hasMessageContaining("database orders")
        .hasMessageContaining("startup.deadline-ms")
        .hasMessageContaining("Connection refused")
        .hasRootCause(refused);
    assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
    assertThat(attempts.get()).isGreaterThan(1);
  }

  @Test
  void delaysDoubleFromAFifthOfASecondUpToFiveSeconds() {
    List<Long> delays = new ArrayList<>();
    StartupRetry.Timer recordingTimer = (delayMs, task) -> {
      delays.add(delayMs);
      task.run();
    };
    StartupRetry retry = new StartupRetry(deadlineIn(Duration.ofMinutes(10)), recordingTimer);

    retry.run("registering in Consul", () -> failingTimes(8, new ConnectException("refused"), "registered")).await();

    assertThat(delays).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
  }

  @Test
  void retriesOnTheEventLoopTheStepStartedOn() {
    StartupRetry retry = StartupRetry.until(deadlineIn(Duration.ofSeconds(30)), vertx);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Promise<String> done = Promise.promise();

    vertx.runOnContext(v -> retry.run("Kafka topics", () -> {
      threads.add((Context.isOnEventLoopThread() ? "event loop " : "other ") + Thread.currentThread().getName());
      return failingTimes(2, unknownTopic(), "created");
    }).onComplete(done));

    assertThat(done.future().await()).isEqualTo("created");
    assertThat(threads).singleElement().asString().startsWith("event loop ");
  }

  @Test
  void retriesBeforeVertxExists() {
    StartupRetry retry = StartupRetry.untilWithoutVertx(deadlineIn(Duration.ofSeconds(30)));

    String joined = retry.run("joining the cluster", () -> failingTimes(1, new BindException("in use"), "joined"))
        .await();

    assertThat(joined).isEqualTo("joined");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void tellsFailuresThatWaitingMendsFromTheRest() {
    assertThat(StartupRetry.isTransient(unknownTopic())).isTrue();
    assertThat(StartupRetry.isTransient(new RuntimeException(new SQLException("refused", "08001",
        new ConnectException("Connection refused"))))).isTrue();
    assertThat(StartupRetry.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
    assertThat(StartupRetry.isTransient(new TimeoutException("no answer from Consul"))).isTrue();

    assertThat(StartupRetry.isTransient(new SQLException("relation \"orders\" already exists", "42P07"))).isFalse();
    assertThat(StartupRetry.isTransient(new CompletionException(new TopicExistsException("exists")))).isFalse();
    assertThat(StartupRetry.isTransient(new UnknownHostException("kafak"))).isFalse();
    assertThat(StartupRetry.isTransient(new IllegalArgumentException("db.port is not a number"))).isFalse();
  }

  /** A step that fails {@code times} times with {@code failure}, then succeeds with {@code result}. */
  private <T> Future<T> failingTimes(int times, Throwable failure, T result) {
    return attempts.incrementAndGet() <= times ? Future.failedFuture(failure) : Future.succeededFuture(result);
  }

  /** What the Kafka admin client fails with when the broker does not know a topic created a moment ago. */
  private static Throwable unknownTopic() {
    return new CompletionException(
        new UnknownTopicOrPartitionException("This server does not host this topic-partition."));
  }

  private static long deadlineIn(Duration time) {
    return System.nanoTime() + time.toNanos();
  }
}
