package shop.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy retries = new RetryPolicy(5, 2000);

  @Test
  void theWaitDoublesAfterEachFailure() {
    assertThat(retries.delayAfter(1)).isEqualTo(2000);
    assertThat(retries.delayAfter(2)).isEqualTo(4000);
    assertThat(retries.delayAfter(4)).isEqualTo(16000);
  }

  @Test
  void theWaitStopsGrowingAtSomePoint() {
    assertThat(retries.delayAfter(500)).isEqualTo(2000L << 10);
  }

  @Test
  void anEmailIsGivenUpAfterTheLastAllowedAttempt() {
    assertThat(retries.givesUpAfter(4)).isFalse();
    assertThat(retries.givesUpAfter(5)).isTrue();
  }
}
