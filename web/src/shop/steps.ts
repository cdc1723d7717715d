/** The saga's steps as a shopper reads them, by the order event's type. */
const LABELS: Record<string, string> = {
  OrderPlaced: "Order placed",
  UserValidated: "Customer checked",
  StockReserved: "Stock reserved",
  PaymentPending: "Payment waiting: the payment service is unavailable, retrying",
  PaymentCaptured: "Payment captured",
  ShipmentCreated: "Shipment created",
  StockCommitted: "Stock committed",
  OrderConfirmed: "Confirmed",
  OrderFailed: "Cancelling: undoing the steps done",
  CompensationRequested: "Cancellation requested",
  ShipmentCancelled: "Shipment cancelled",
  PaymentRefunded: "Payment refunded",
  StockReleased: "Stock released",
  OrderCancelled: "Cancelled",
};

export function stepLabel(eventType: string): string {
  return LABELS[eventType] ?? eventType.replace(/([a-z])([A-Z])/g, "$1 $2");
}

/** One step of an order, from its history or as it happened (`live`, from the customer's feed). */
export interface Step {
  version: number;
  type: string;
  at: string;
  live?: boolean;
}

/**
 * The steps so far, each version once, in order: the history and the live feed overlap and arrive in
 * any order. A version is the same event wherever it comes from, so the step first seen is kept.
 */
export function merge(steps: readonly Step[], more: readonly Step[]): Step[] {
  const byVersion = new Map<number, Step>();
  for (const step of [...steps, ...more]) {
    if (!byVersion.has(step.version)) {
      byVersion.set(step.version, step);
    }
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

export const FINAL_STATUSES = ["CONFIRMED", "CANCELLED"];

/** Whether the shopper may still cancel an order in this status. */
export function cancellable(status: string): boolean {
  return status !== "CANCELLING" && status !== "CANCELLED";
}
