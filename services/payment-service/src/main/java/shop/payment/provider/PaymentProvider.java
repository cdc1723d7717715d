package shop.payment.provider;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A simulated card payment provider. Its decisions are deterministic so that a demo or a test can
 * ask for a decline: an amount whose minor units end in 13 (10.13 EUR) is declined as
 * {@value #CARD_DECLINED}, any other is approved.
 *
 * <p>Two tunables are read from the live configuration on every call, so an operator can change them
 * in Consul KV without a restart: {@code provider.latency-ms} delays each answer and
 * {@code provider.failure-rate} is the fraction of calls that fail technically, as a real provider
 * times out or answers 5xx.
 */
public final class PaymentProvider {

  public static final String CARD_DECLINED = "CARD_DECLINED";

  private final Vertx vertx;
  private final Supplier<JsonObject> config;
  private final DoubleSupplier random;

  public PaymentProvider(Vertx vertx, Supplier<JsonObject> config) {
    this(vertx, config, () -> ThreadLocalRandom.current().nextDouble());
  }

  PaymentProvider(Vertx vertx, Supplier<JsonObject> config, DoubleSupplier random) {
    this.vertx = vertx;
    this.config = config;
    this.random = random;
  }

  /** The provider's decision on charging the amount; a failed future with {@link Unavailable} if it gave none. */
  public Future<Decision> authorize(long amountMinor, String currency) {
    JsonObject settings = config.get();
    long latencyMs = (long) number(settings, "provider.latency-ms");
    double failureRate = number(settings, "provider.failure-rate");
    Promise<Decision> answer = Promise.promise();
    Runnable respond = () -> {
      if (random.getAsDouble() < failureRate) {
        answer.fail(new Unavailable());
      } else {
        answer.complete(decide(amountMinor));
      }
    };
    if (latencyMs > 0) {
      vertx.setTimer(latencyMs, id -> respond.run());
    } else {
      respond.run();
    }
    return answer.future();
  }

  static Decision decide(long amountMinor) {
    return amountMinor % 100 == 13 ? new Decision(false, CARD_DECLINED) : new Decision(true, null);
  }

  // A value set in Consul KV or the environment that is not a number counts as unset.
  private static double number(JsonObject settings, String key) {
    return settings.getValue(key) instanceof Number number ? number.doubleValue() : 0;
  }

  /** Approved, or declined with a reason. */
  public record Decision(boolean approved, String reason) {
  }

  /** The provider could not be reached or gave no answer: the charge is undecided and may be retried. */
  public static final class Unavailable extends RuntimeException {

    public Unavailable() {
      super("payment provider unavailable", null, false, false);
    }
  }
}
