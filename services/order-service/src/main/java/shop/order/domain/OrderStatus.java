package shop.order.domain;

/** What a customer sees of an order's progress. */
public enum OrderStatus {
  /** The saga is running. */
  PENDING,
  /** Payment could not be reached; it is retried in the background. */
  PENDING_PAYMENT,
  /** Paid, shipped and sold; the customer may still cancel it, which undoes it all. */
  CONFIRMED,
  /** A step failed or the customer cancelled; completed steps are being compensated. */
  CANCELLING,
  /** Every step that took effect is undone; nothing happens to the order any more. */
  CANCELLED;

  /** Whether the order can no longer change: only CANCELLED, since a confirmed order can still be cancelled. */
  public boolean isFinal() {
    return this == CANCELLED;
  }

  /** Whether the saga has nothing left to do unless the customer cancels: CONFIRMED or CANCELLED. */
  public boolean isSettled() {
    return this == CONFIRMED || isFinal();
  }
}
