package shop.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes
 * one. The limits are passed on each call, so a changed configuration applies at once.
 */
public final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private double tokens;
  private long refilledAtNanos;

  public TokenBucket(double tokens, long nowNanos) {
    this.tokens = tokens;
    this.refilledAtNanos = nowNanos;
  }

  /** Takes a token if there is one; returns 0 then, otherwise the nanoseconds until the next token. */
  public synchronized long tryTake(RateLimit limit, long nowNanos) {
    refill(limit, nowNanos);
    long wait = waitNanos(limit, nowNanos);
    if (wait == 0) {
      tokens -= 1;
    }
    return wait;
  }

  /** 0 when there is a token to take, otherwise the nanoseconds until the next one; takes none. */
  public synchronized long waitNanos(RateLimit limit, long nowNanos) {
    refill(limit, nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / limit.perSecond() * NANOS_PER_SECOND);
  }

  /** True when the bucket is full, i.e. its client has been idle: it can be forgotten. */
  public synchronized boolean isFull(RateLimit limit, long nowNanos) {
    refill(limit, nowNanos);
    return tokens >= limit.burst();
  }

  private void refill(RateLimit limit, long nowNanos) {
    double elapsedSeconds = (nowNanos - refilledAtNanos) / NANOS_PER_SECOND;
    tokens = Math.min(limit.burst(), tokens + elapsedSeconds * limit.perSecond());
    refilledAtNanos = nowNanos;
  }
}
