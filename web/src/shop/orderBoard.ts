/** One event appended to an order, as the order feeds on the bridge carry it. */
export interface StatusChange {
  orderId: string;
  userId?: string;
  version: number;
  event: string;
  status: string;
  at: string;
}

export const WAITING = "PENDING_PAYMENT";

interface Known {
  change: StatusChange;
  waited: boolean;
}

/**
 * The latest status of each order seen on a feed: which orders wait for payment now, which changed
 * last, and whether those ever waited. It keeps at most `capacity` orders, forgetting first those
 * that do not wait.
 */
export class OrderBoard {
  private readonly orders = new Map<string, Known>();

  constructor(private readonly capacity = 5000) {}

  update(change: StatusChange): void {
    const known = this.orders.get(change.orderId);
    if (known && known.change.version >= change.version) {
      return;
    }
    // Deleted and set again, so the map's order is that of the latest change.
    this.orders.delete(change.orderId);
    this.orders.set(change.orderId, {
      change,
      waited: (known?.waited ?? false) || change.status === WAITING,
    });
    for (const [orderId, { change: latest }] of this.orders) {
      if (this.orders.size <= this.capacity) {
        break;
      }
      if (latest.status !== WAITING) {
        this.orders.delete(orderId);
      }
    }
  }

  /** The orders whose latest status is PENDING_PAYMENT, longest waiting first. */
  waiting(): StatusChange[] {
    return [...this.orders.values()].filter((o) => o.change.status === WAITING).map((o) => o.change);
  }

  /** The orders changed last, the latest first, each with whether it ever waited for payment. */
  latest(limit = 10): (StatusChange & { waited: boolean })[] {
    return [...this.orders.values()]
      .slice(-limit)
      .reverse()
      .map((o) => ({ ...o.change, waited: o.waited }));
  }
}
