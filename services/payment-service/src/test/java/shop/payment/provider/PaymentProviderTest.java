package shop.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.payment.provider.PaymentProvider.Decision;

class PaymentProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private final JsonObject config = new JsonObject().put("provider.latency-ms", 0).put("provider.failure-rate", 0.0);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void amountsWhoseMinorUnitsEndIn13AreDeclinedAndOthersApproved() {
    PaymentProvider provider = new PaymentProvider(vertx, () -> config);

    assertThat(provider.authorize(1013, "EUR").await()).isEqualTo(new Decision(false, PaymentProvider.CARD_DECLINED));
    assertThat(provider.authorize(13, "EUR").await().approved()).isFalse();
    assertThat(provider.authorize(1000, "EUR").await()).isEqualTo(new Decision(true, null));
    assertThat(provider.authorize(1300, "EUR").await().approved()).isTrue();
    assertThat(provider.authorize(1031, "EUR").await().approved()).isTrue();
  }

  @Test
  void theFailureRateIsTheShareOfCallsThatFailAndIsReadOnEveryCall() {
    double[] draw = {0.4};
    PaymentProvider provider = new PaymentProvider(vertx, () -> config, () -> draw[0]);

    config.put("provider.failure-rate", 0.5);
    assertThatThrownBy(() -> provider.authorize(1000, "EUR").await()).isInstanceOf(PaymentProvider.Unavailable.class);
    draw[0] = 0.6;
    assertThat(provider.authorize(1000, "EUR").await().approved()).isTrue();

    config.put("provider.failure-rate", 1);
    assertThatThrownBy(() -> provider.authorize(1000, "EUR").await()).isInstanceOf(PaymentProvider.Unavailable.class);
    config.put("provider.failure-rate", "not a number");
    assertThat(provider.authorize(1000, "EUR").await().approved()).isTrue();
  }

  @Test
  void theLatencyDelaysTheAnswerOnATimer() {
    config.put("provider.latency-ms", 200);
    PaymentProvider provider = new PaymentProvider(vertx, () -> config);

    long started = System.nanoTime();
    Future<Decision> answer = provider.authorize(1000, "EUR");
    assertThat(answer.isComplete()).isFalse();
    assertThat(answer.await().approved()).isTrue();
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(190);
  }
}
