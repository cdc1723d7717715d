package shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private final RateLimit current = new RateLimit(50, 10);

  @Test
  void readsNumbersAndNumbersWrittenAsText() {
    JsonObject config = new JsonObject().put("ratelimit.burst", " 200 ").put("ratelimit.per-second", 0.5);

    assertThat(RateLimit.fromConfig(config, "ratelimit")).isEqualTo(new RateLimit(200, 0.5));
    assertThat(current.updatedFrom(config, "ratelimit")).isEqualTo(new RateLimit(200, 0.5));
  }

  @Test
  void aBadBurstInAChangeKeepsTheLastGoodValue() {
    for (Object bad : new Object[] {"lots", -5, "-5", 0, 2.5, null}) {
      JsonObject changed = new JsonObject().put("ratelimit.burst", bad).put("ratelimit.per-second", 20);

      assertThat(current.updatedFrom(changed, "ratelimit")).as("burst %s", bad).isEqualTo(new RateLimit(50, 20));
    }
  }

  @Test
  void aBadRateInAChangeKeepsTheLastGoodValue() {
    for (Object bad : new Object[] {"fast", -1, "0", "NaN", "Infinity"}) {
      JsonObject changed = new JsonObject().put("ratelimit.burst", 80).put("ratelimit.per-second", bad);

      assertThat(current.updatedFrom(changed, "ratelimit")).as("per-second %s", bad).isEqualTo(new RateLimit(80, 10));
    }
  }

  @Test
  void aMissingOrBadSettingAtStartUpFailsNamingIt() {
    JsonObject missing = new JsonObject().put("ratelimit.password-hashing.per-second", 1);
    JsonObject bad = missing.copy().put("ratelimit.password-hashing.burst", "lots");

    assertThatThrownBy(() -> RateLimit.fromConfig(missing, "ratelimit.password-hashing"))
        .hasMessage("ratelimit.password-hashing.burst must be a whole number of at least 1, but it is not set");
    assertThatThrownBy(() -> RateLimit.fromConfig(bad, "ratelimit.password-hashing"))
        .hasMessage("ratelimit.password-hashing.burst must be a whole number of at least 1, but it is \"lots\"");
  }
}
