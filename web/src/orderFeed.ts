import { follow } from "./live.js";
import { session } from "./session.js";
import type { StatusChange } from "./shop/orderBoard.js";

export type { StatusChange };

/** The changes seen so far, by order: a change can arrive before the page that shows its order does. */
const seen = new Map<string, StatusChange[]>();
const KEEP_PER_ORDER = 100;
let following: string | undefined;

const address = (userId: string) => `shop.orders.status.${userId}`;

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
    await follow<StatusChange>(address(userId), (change) => {
      const changes = seen.get(change.orderId) ?? [];
      changes.push(change);
      seen.set(change.orderId, changes.slice(-KEEP_PER_ORDER));
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

/** Each change to any of the customer's orders as it comes, until the returned function is called. */
export async function watchMyOrders(onChange: (change: StatusChange) => void): Promise<() => void> {
  await followMyOrders();
  const userId = session.claims()?.userId;
  return userId ? follow<StatusChange>(address(userId), onChange) : () => {};
}

/** Each change of one order: those seen so far, then each as it comes, until the returned function is called. */
export async function watchOrder(
  orderId: string,
  onChange: (change: StatusChange) => void,
): Promise<() => void> {
  const stop = await watchMyOrders((change) => {
    if (change.orderId === orderId) {
      onChange(change);
    }
  });
  // Listening first, then what came before: a change may show twice, never not at all.
  (seen.get(orderId) ?? []).forEach(onChange);
  return stop;
}
