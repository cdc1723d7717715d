package shop.platform.resilience;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a start-up step again while it fails for a reason that waiting mends (infrastructure that has
 * only just started), with a doubling delay and one log line per retry, until the service's start-up
 * deadline ({@code startup.deadline-ms}) passes. Any other failure fails the step at once.
 */
public final class StartupRetry {

  private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);
  private static final long FIRST_DELAY_MS = 200;
  private static final long MAX_DELAY_MS = 5_000;

  /** Runs a task after a delay, holding no thread meanwhile. */
  @FunctionalInterface
  interface Timer {
    void schedule(long delayMs, Runnable task);
  }

  private final long deadlineNanos;
  private final Timer timer;

  StartupRetry(long deadlineNanos, Timer timer) {
    this.deadlineNanos = deadlineNanos;
    this.timer = timer;
  }

  /** Retries on Vert.x timers until {@code deadlineNanos}, an instant of {@link System#nanoTime()}. */
  public static StartupRetry until(long deadlineNanos, Vertx vertx) {
    return new StartupRetry(deadlineNanos, (delayMs, task) -> vertx.setTimer(delayMs, id -> task.run()));
  }

  /** For joining the cluster, before Vert.x exists: retries on the JDK's delay scheduler instead. */
  public static StartupRetry untilWithoutVertx(long deadlineNanos) {
    return new StartupRetry(deadlineNanos,
        (delayMs, task) -> CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS).execute(task));
  }

  /** Runs {@code action} until it succeeds, fails for good, or the deadline passes; {@code step} names it in logs. */
  public <T> Future<T> run(String step, Supplier<Future<T>> action) {
    return attempt(step, action, 1, FIRST_DELAY_MS);
  }

  private <T> Future<T> attempt(String step, Supplier<Future<T>> action, int attempt, long delayMs) {
    return action.get().recover(failure -> {
      if (!isTransient(failure)) {
        return Future.failedFuture(failure);
      }
      long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      if (leftMs <= 0) {
        return Future.failedFuture(new IllegalStateException(step + " still failed after " + attempt
            + " attempts when the start-up deadline (startup.deadline-ms) passed: " + reason(failure), failure));
      }
      long waitMs = Math.max(1, Math.min(delayMs, leftMs));
      log.warn("{}: attempt {} failed ({}), retrying in {} ms", step, attempt, reason(failure), waitMs);
      Promise<T> retried = Promise.promise();
      timer.schedule(waitMs, () -> attempt(step, action, attempt + 1, Math.min(2 * delayMs, MAX_DELAY_MS))
          .onComplete(retried));
      return retried.future();
    });
  }

  /**
   * Transient means a server is not there or not ready yet: a refused, reset, closed or timed-out
   * connection; a Kafka error its client calls retriable (a topic the broker does not know yet, a
   * partition without a leader); a PostgreSQL connection error (SQL state class 08) or "the database
   * system is starting up" (57P03). The rest - bad configuration, an unknown host, a migration
   * script's SQL error - will fail the same way in two minutes, so it is not retried.
   */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketException || cause instanceof SocketTimeoutException
          || cause instanceof ClosedChannelException || cause instanceof HttpClosedException
          || cause instanceof TimeoutException || cause instanceof RetriableException
          || cause instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransientSqlState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P03"));
  }

  /** The innermost cause says what went wrong; the wrappers around it only say where. */
  private static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
