package shop.notification.mail;

/** How a failing email is retried: up to {@code maxAttempts} in all, waiting twice as long after each failure. */
public record RetryPolicy(int maxAttempts, long firstDelayMs) {

  private static final int MAX_DOUBLINGS = 10;

  /** Whether an email that failed this many times is given up. */
  public boolean givesUpAfter(int failedAttempts) {
    return failedAttempts >= maxAttempts;
  }

  /** How long to wait before trying again an email that failed this many times. */
  public long delayAfter(int failedAttempts) {
    return firstDelayMs << Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
  }
}
