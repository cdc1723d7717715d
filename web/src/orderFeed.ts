import { follow } from "./live.js";
import { session } from "./session.js";

/** One event appended to an order, as the customer's feed on the bridge carries it. */
export interface StatusChange {
  orderId: string;
  version: number;
  event: string;
  status: string;
  at: string;
}

/** The changes seen so far, by order: a change can arrive before the page that shows its order does. */
const seen = new Map<string, StatusChange[]>();
let following: string | undefined;

/**
 * Follows the signed-in customer's own feed (`shop.orders.status.<userId>`); resolves once its
 * registration has been sent, so an order placed after it has every step on the feed.
 */
export async function followMyOrders(): Promise<void> {
  const userId = session.claims()?.userId;
  if (!userId || following === userId) {
    return;
  }
  following = userId;
  try {
    await follow<StatusChange>(`shop.orders.status.${userId}`, (change) => {
      const changes = seen.get(change.orderId) ?? [];
      changes.push(change);
      seen.set(change.orderId, changes.slice(-100));
    });
  } catch (error) {
    following = undefined;
    throw error;
  }
}

/** Forgets the feed (on sign-out, with the bridge connection). */
export function forgetMyOrders(): void {
  following = undefined;
  seen.clear();
}

/** The changes of one order seen so far, then each new one as it comes, until the returned function is called. */
export async function watchOrder(
  orderId: string,
  onChange: (change: StatusChange) => void,
): Promise<() => void> {
  await followMyOrders();
  (seen.get(orderId) ?? []).forEach(onChange);
  const userId = session.claims()?.userId;
  return follow<StatusChange>(`shop.orders.status.${userId}`, (change) => {
    if (change.orderId === orderId) {
      onChange(change);
    }
  });
}
