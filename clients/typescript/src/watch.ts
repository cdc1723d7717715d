import { randomUUID } from "node:crypto";
import { ShopBridge } from "./bridge.js";
import { login, me, register } from "./shop-http.js";

/** One step of an order, as the bridge delivers it. */
export interface Change {
  orderId: string;
  version: number;
  event: string;
  status: string;
}

export const FINAL_STATUSES = ["CONFIRMED", "CANCELLED"];
export const TIMEOUT_MS = 60_000;

/** Exit codes of shop-watch. */
export const Exit = { confirmed: 0, cancelled: 1, timedOut: 2, failed: 3 } as const;

/**
 * Prints the changes of one order: `order <id>`, then `<event> <status>` per step. Changes that come
 * before the order's id is known are kept, duplicates and other orders skipped.
 */
export class OrderWatch {
  private orderId: string | undefined;
  private early: Change[] = [];
  private readonly seen = new Set<number>();
  private settle: (status: string) => void = () => {};
  readonly finalStatus = new Promise<string>((resolve) => (this.settle = resolve));

  constructor(private readonly print: (line: string) => void) {}

  onChange(change: Change): void {
    if (this.orderId === undefined) {
      this.early.push(change);
    } else {
      this.show(change);
    }
  }

  watch(orderId: string): void {
    this.orderId = orderId;
    this.print(`order ${orderId}`);
    this.early.forEach((change) => this.show(change));
    this.early = [];
  }

  private show(change: Change): void {
    if (change.orderId !== this.orderId || this.seen.has(change.version)) {
      return;
    }
    this.seen.add(change.version);
    this.print(`${change.event} ${change.status}`);
    if (FINAL_STATUSES.includes(change.status)) {
      this.settle(change.status);
    }
  }
}

export interface WatchOptions {
  gateway: string;
  email?: string;
  password: string;
}

interface ProductPage {
  items: { id: string; stock: number }[];
}

/** Places an order over the SockJS bridge and prints each step until it is final; resolves with the exit code. */
export async function run(options: WatchOptions, print: (line: string) => void): Promise<number> {
  let email = options.email;
  if (!email) {
    email = `watch-${randomUUID()}@example.com`;
    await register(options.gateway, email, "Watcher", options.password);
  }
  const token = await login(options.gateway, email, options.password);
  const user = await me(options.gateway, token);

  const bridge = await ShopBridge.connect(options.gateway);
  let timer: NodeJS.Timeout | undefined;
  try {
    const refused = new Promise<never>((_, reject) => {
      bridge.onRefusal = reject;
      bridge.onClose = () => reject(new Error("the bridge closed the connection"));
    });
    refused.catch(() => {}); // handled by the race below, whenever it comes
    const products = await bridge.request<ProductPage>("shop.products.list", { size: 100 }, token);
    const product = products.items.find((item) => item.stock > 0);
    if (!product) {
      throw new Error("no product in stock");
    }
    const watch = new OrderWatch(print);
    bridge.subscribe<Change>(`shop.orders.status.${user.id}`, token, (change) => watch.onChange(change));
    const order = await bridge.request<{ id: string }>(
      "shop.orders.place",
      {
        idempotencyKey: randomUUID(),
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: "1 Main Street",
      },
      token,
    );
    watch.watch(order.id);
    const timeout = new Promise<string>(
      (resolve) => (timer = setTimeout(() => resolve("TIMEOUT"), TIMEOUT_MS)),
    );
    const status = await Promise.race([watch.finalStatus, timeout, refused]);
    if (status === "TIMEOUT") {
      return Exit.timedOut;
    }
    return status === "CONFIRMED" ? Exit.confirmed : Exit.cancelled;
  } finally {
    clearTimeout(timer);
    bridge.onClose = () => {};
    bridge.close();
  }
}
