package shop.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client (its token's subject, else its address), shared by every gateway verticle. */
public final class RateLimiter {

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private volatile RateLimit limit;

  public RateLimiter(RateLimit limit) {
    this.limit = limit;
  }

  /** Applies to every client from now on, including those with a bucket already. */
  public void setLimit(RateLimit limit) {
    this.limit = limit;
  }

  public RateLimit limit() {
    return limit;
  }

  /** 0 when the client may go ahead, otherwise the nanoseconds it should wait. */
  public long tryAcquire(String client, long nowNanos) {
    RateLimit current = limit;
    return buckets.computeIfAbsent(client, c -> new TokenBucket(current.burst(), nowNanos)).tryTake(current, nowNanos);
  }

  /** 0 when the client has a token left, otherwise the nanoseconds until it has one; takes none. */
  public long waitNanos(String client, long nowNanos) {
    TokenBucket bucket = buckets.get(client);
    return bucket == null ? 0 : bucket.waitNanos(limit, nowNanos);
  }

  /** Forgets clients whose bucket has refilled, so that memory follows the active clients only. */
  public void forgetIdle(long nowNanos) {
    RateLimit current = limit;
    buckets.values().removeIf(bucket -> bucket.isFull(current, nowNanos));
  }

  int clients() {
    return buckets.size();
  }
}
