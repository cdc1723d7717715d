package shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    RateLimit limit = new RateLimit(3, 2);
    TokenBucket bucket = new TokenBucket(3, 0);
    assertThat(bucket.tryTake(limit, 0)).isZero();
    assertThat(bucket.tryTake(limit, 0)).isZero();
    assertThat(bucket.tryTake(limit, 0)).isZero();
    assertThat(bucket.tryTake(limit, 0)).as("wait for the next token").isEqualTo(SECOND / 2);
    assertThat(bucket.tryTake(limit, SECOND / 2)).isZero();
    assertThat(bucket.tryTake(limit, SECOND / 2)).isPositive();
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    RateLimit limit = new RateLimit(2, 100);
    TokenBucket bucket = new TokenBucket(0, 0);
    assertThat(bucket.isFull(limit, 60 * SECOND)).isTrue();
    bucket.tryTake(limit, 60 * SECOND);
    bucket.tryTake(limit, 60 * SECOND);
    assertThat(bucket.tryTake(limit, 60 * SECOND)).isPositive();
  }

  @Test
  void aNewLimitAppliesToExistingClients() {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 1));
    assertThat(limiter.tryAcquire("ann", 0)).isZero();
    assertThat(limiter.tryAcquire("ann", 0)).isPositive();
    assertThat(limiter.tryAcquire("bob", 0)).as("each client has a bucket of its own").isZero();
    limiter.setLimit(new RateLimit(100, 1000));
    assertThat(limiter.tryAcquire("ann", SECOND / 100)).isZero();
  }

  @Test
  void forgetsIdleClients() {
    RateLimiter limiter = new RateLimiter(new RateLimit(5, 1));
    limiter.tryAcquire("ann", 0);
    limiter.forgetIdle(0);
    assertThat(limiter.clients()).isOne();
    limiter.forgetIdle(10 * SECOND);
    assertThat(limiter.clients()).isZero();
  }
}
