package shop.gateway.ratelimit;

import io.vertx.core.json.JsonObject;

/** A client may send {@code burst} requests at once, then {@code perSecond} a second. */
public record RateLimit(int burst, double perSecond) {

  public RateLimit {
    burst = Math.max(1, burst);
    perSecond = perSecond > 0 ? perSecond : 1;
  }

  /**
   * From {@code <prefix>.burst} and {@code <prefix>.per-second} (e.g. {@code ratelimit.burst}); a
   * value that is not a number counts as unset.
   */
  public static RateLimit fromConfig(JsonObject config, String prefix, RateLimit fallback) {
    return new RateLimit((int) number(config.getValue(prefix + ".burst"), fallback.burst()),
        number(config.getValue(prefix + ".per-second"), fallback.perSecond()));
  }

  private static double number(Object value, double fallback) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }
}
