/** A circuit breaker of one service instance, in a state: CLOSED, OPEN or HALF_OPEN. */
export interface Breaker {
  service: string;
  instance: string;
  breaker: string;
  state: string;
}

/**
 * How long a change announced live outranks the metrics: the metrics come from Prometheus, which
 * scrapes each instance every few seconds, so for a while they still show the state before it.
 */
export const LIVE_PRECEDENCE_MS = 30_000;

/**
 * Every breaker's state, from the metrics (a snapshot of them all, every few seconds, but behind) and
 * from the changes announced live (at once, but only while the page listens).
 */
export class BreakerBoard {
  private readonly breakers = new Map<string, { breaker: Breaker; liveAt?: number }>();

  /** A change announced live, received at `now` (ms). */
  live(change: Breaker, now: number): void {
    this.breakers.set(key(change), { breaker: pick(change), liveAt: now });
  }

  /** The metrics' snapshot, received at `now` (ms): it tells each breaker's state unless a recent live change did. */
  snapshot(breakers: readonly Breaker[], now: number): void {
    for (const breaker of breakers) {
      const known = this.breakers.get(key(breaker));
      if (known?.liveAt === undefined || now - known.liveAt >= LIVE_PRECEDENCE_MS) {
        this.breakers.set(key(breaker), { breaker: pick(breaker) });
      }
    }
  }

  /** Every breaker, trouble first (open, then half-open), then by service, instance and name. */
  all(): Breaker[] {
    return [...this.breakers.values()]
      .map((known) => known.breaker)
      .sort((a, b) => rank(a) - rank(b) || key(a).localeCompare(key(b)));
  }
}

const RANKS: Record<string, number> = { OPEN: 0, HALF_OPEN: 1, CLOSED: 3 };

function rank(breaker: Breaker): number {
  return RANKS[breaker.state] ?? 2;
}

function key(breaker: Breaker): string {
  return `${breaker.service}/${breaker.instance}/${breaker.breaker}`;
}

function pick({ service, instance, breaker, state }: Breaker): Breaker {
  return { service, instance, breaker, state };
}
