package shop.order.domain;

/** What a customer sees of an order's progress. */
public enum OrderStatus {
  /** The saga is running. */
  PENDING,
  /** Payment could not be reached; it is retried in the background. */
  PENDING_PAYMENT,
  CONFIRMED,
  /** A step failed or the customer cancelled; completed steps are being compensated. */
  CANCELLING,
  CANCELLED;

  public boolean isFinal() {
    return this == CONFIRMED || this == CANCELLED;
  }
}
