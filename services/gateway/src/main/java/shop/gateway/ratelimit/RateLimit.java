package shop.gateway.ratelimit;

import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client may send {@code burst} requests at once, then {@code perSecond} a second. Read from
 * {@code <prefix>.burst} and {@code <prefix>.per-second} (e.g. {@code ratelimit.burst}), as numbers
 * or as text (Consul KV holds text).
 */
public record RateLimit(int burst, double perSecond) {

  private static final Logger log = LoggerFactory.getLogger(RateLimit.class);
  private static final Setting BURST = new Setting("burst", "a whole number of at least 1",
      value -> value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value));
  private static final Setting PER_SECOND = new Setting("per-second", "a number above 0",
      value -> value > 0 && Double.isFinite(value));

  public RateLimit {
    if (!BURST.accepts(burst) || !PER_SECOND.accepts(perSecond)) {
      throw new IllegalArgumentException("not a rate limit: " + burst + " at once, " + perSecond + " per second");
    }
  }

  /** The limit as the gateway starts: a setting that is missing or not valid fails with a message naming it. */
  public static RateLimit fromConfig(JsonObject config, String prefix) {
    return new RateLimit((int) BURST.required(config, prefix), PER_SECOND.required(config, prefix));
  }

  /**
   * The limit after a change of configuration: a setting that is missing or not valid is logged and
   * keeps its value in this limit, the last good one.
   */
  public RateLimit updatedFrom(JsonObject config, String prefix) {
    return new RateLimit((int) BURST.updated(config, prefix, burst), PER_SECOND.updated(config, prefix, perSecond));
  }

  private record Setting(String suffix, String expected, DoublePredicate valid) {

    boolean accepts(double value) {
      return valid.test(value);
    }

    double required(JsonObject config, String prefix) {
      String key = prefix + "." + suffix;
      Object value = config.getValue(key);
      return read(value).orElseThrow(() -> new IllegalStateException(problem(key, value)));
    }

    double updated(JsonObject config, String prefix, Number lastGood) {
      String key = prefix + "." + suffix;
      Object value = config.getValue(key);
      OptionalDouble read = read(value);
      if (read.isEmpty()) {
        log.warn("{}; it stays at {}", problem(key, value), lastGood);
      }
      return read.orElse(lastGood.doubleValue());
    }

    private String problem(String key, Object value) {
      return key + " must be " + expected + ", but it is " + (value == null ? "not set" : "\"" + value + "\"");
    }

    private OptionalDouble read(Object value) {
      OptionalDouble number = value instanceof String text ? parse(text)
          : value instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
      return number.isPresent() && accepts(number.getAsDouble()) ? number : OptionalDouble.empty();
    }

    private static OptionalDouble parse(String text) {
      try {
        return OptionalDouble.of(Double.parseDouble(text.trim()));
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }
  }
}
