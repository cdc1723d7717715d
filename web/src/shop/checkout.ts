/**
 * The Idempotency-Key of one checkout. A key is made for the first attempt and kept for every retry
 * of the same order (a double click, a network retry, a reload of the page), so the shop takes the
 * order once; it is dropped once the order is accepted, or when what is ordered changes.
 */
export class CheckoutKey {
  private key: string | undefined;
  private orderFingerprint: string | undefined;

  constructor(private readonly newKey: () => string) {}

  /** The key for an order of this content: the same as the last attempt's if the content is the same. */
  for(order: unknown): string {
    const fingerprint = JSON.stringify(order);
    if (this.key === undefined || fingerprint !== this.orderFingerprint) {
      this.key = this.newKey();
      this.orderFingerprint = fingerprint;
    }
    return this.key;
  }

  /** The order was accepted: the next checkout is a new order. */
  accepted(): void {
    this.key = undefined;
    this.orderFingerprint = undefined;
  }
}
