package shop.order.remote;

/**
 * The answer of a call to another service: done with a value, or refused by the service for a
 * business reason (its {@code ServiceException} code and message). A call that could not be
 * decided (service down, timeout, open breaker) is a failed future instead.
 */
public record Outcome<T>(T value, int refusalCode, String refusal) {

  private static final int NOT_REFUSED = 0;

  public static <T> Outcome<T> done(T value) {
    return new Outcome<>(value, NOT_REFUSED, null);
  }

  /** A refusal is one whatever its message; without one, it says its code. */
  public static <T> Outcome<T> refused(int code, String reason) {
    if (code == NOT_REFUSED) {
      throw new IllegalArgumentException("a refusal has a failure code");
    }
    return new Outcome<>(null, code, reason == null || reason.isBlank() ? "refused with code " + code : reason);
  }

  public boolean isRefused() {
    return refusalCode != NOT_REFUSED;
  }
}
