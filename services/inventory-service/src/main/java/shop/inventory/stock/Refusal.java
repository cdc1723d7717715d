package shop.inventory.stock;

import shop.contracts.inventory.Inventory;

/**
 * Why a reservation was refused. Its code is the failure code of the {@code ServiceException}
 * the event-bus service answers with; in the choreography it is the {@code reason} of {@code stock.rejected}.
 */
final class Refusal extends RuntimeException {

  enum Reason {
    UNKNOWN_PRODUCT(Inventory.UNKNOWN_PRODUCT),
    OUT_OF_STOCK(Inventory.OUT_OF_STOCK),
    /** No lines, a quantity below 1, or an order id that is not a UUID: a caller's bug, not a business outcome. */
    INVALID_REQUEST(400);

    final int code;

    Reason(int code) {
      this.code = code;
    }
  }

  private final Reason reason;

  Refusal(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
