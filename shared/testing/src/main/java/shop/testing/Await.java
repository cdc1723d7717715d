package shop.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it every 100 ms until a deadline, never for a fixed time. */
public final class Await {

  private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

  private Await() {
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
