/** Where the key of the checkout under way is kept between attempts (the tab's session storage, in the app). */
export interface KeyStore {
  get(): string | null;
  set(value: string): void;
  remove(): void;
}

/** A store that lasts as long as the object: for tests, or where there is no storage. */
export function memoryStore(): KeyStore {
  let value: string | null = null;
  return {
    get: () => value,
    set: (v) => {
      value = v;
    },
    remove: () => {
      value = null;
    },
  };
}

interface Attempt {
  key: string;
  order: string;
}

function read(stored: string | null): Attempt | undefined {
  try {
    const attempt = stored ? JSON.parse(stored) : undefined;
    return typeof attempt?.key === "string" && typeof attempt.order === "string" ? attempt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Idempotency-Key of one checkout. A key is made for the first attempt and kept for every retry
 * of the same order (a double click, a retry after a network failure, a reload of the page), so the
 * shop takes the order once; it is dropped once the order is accepted, and a changed order (another
 * cart, address or customer) gets a new one: the shop refuses a key reused for a different order.
 */
export class CheckoutKey {
  constructor(
    private readonly newKey: () => string,
    private readonly store: KeyStore = memoryStore(),
  ) {}

  /** The key for this order: the same as the last attempt's if the order is the same. */
  for(order: unknown): string {
    const fingerprint = JSON.stringify(order);
    const last = read(this.store.get());
    if (last && last.order === fingerprint) {
      return last.key;
    }
    const key = this.newKey();
    this.store.set(JSON.stringify({ key, order: fingerprint }));
    return key;
  }

  /** The order was accepted: the next checkout is a new order. */
  accepted(): void {
    this.store.remove();
  }
}
