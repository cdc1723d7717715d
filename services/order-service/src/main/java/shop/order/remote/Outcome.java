package shop.order.remote;

/**
 * The answer of a saga step: done with a value, or refused by the participant for a business
 * reason (its {@code ServiceException} code and message). A step that could not be decided
 * (service down, timeout, open breaker) is a failed future instead.
 */
public record Outcome<T>(T value, int refusalCode, String refusal) {

  public static <T> Outcome<T> done(T value) {
    return new Outcome<>(value, 0, null);
  }

  public static <T> Outcome<T> refused(int code, String reason) {
    return new Outcome<>(null, code, reason);
  }

  public boolean isRefused() {
    return refusal != null;
  }
}
