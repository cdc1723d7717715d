package shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.platform.http.Problem;

class ClientLimitsTest {

  private final ClientLimits limits = new ClientLimits(new RateLimiter(new RateLimit(1000, 1000)),
      Map.of("password-hashing", new RateLimiter(new RateLimit(2, 1))), new RateLimiter(new RateLimit(3, 0.5)));

  @Test
  void aClientWhoseRequestsKeepBreakingAServiceIsTurnedAwayAloneUntilItsBudgetRefills() {
    long now = 0;
    for (int i = 0; i < 3; i++) {
      assertThat(limits.admit("address:10.0.0.1", Optional.empty(), now)).isEmpty();
      limits.answered("address:10.0.0.1", 500, now);
    }

    Problem refused = limits.admit("address:10.0.0.1", Optional.empty(), now).orElseThrow();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(limits.admit("address:10.0.0.2", Optional.empty(), now)).as("another client").isEmpty();
    assertThat(limits.admit("address:10.0.0.1", Optional.empty(), now + TimeUnit.SECONDS.toNanos(2))).as("two seconds later").isEmpty();
  }

  @Test
  void aCostlyOperationHasATighterLimitOfItsOwn() {
    Optional<String> hashing = Optional.of("password-hashing");
    assertThat(limits.admit("address:10.0.0.1", hashing, 0)).isEmpty();
    assertThat(limits.admit("address:10.0.0.1", hashing, 0)).isEmpty();

    assertThat(limits.admit("address:10.0.0.1", hashing, 0).orElseThrow().status()).isEqualTo(429);
    assertThat(limits.admit("address:10.0.0.1", Optional.empty(), 0)).as("other operations").isEmpty();
    assertThat(limits.admit("address:10.0.0.2", hashing, 0)).as("another client").isEmpty();
  }

  @Test
  void answersOtherThanA500CostNothing() {
    for (int status : new int[] {200, 400, 404, 422, 503}) {
      for (int i = 0; i < 10; i++) {
        limits.answered("user:1", status, 0);
      }
    }
    assertThat(limits.admit("user:1", Optional.empty(), 0)).isEmpty();
  }
}
