package shop.inventory.stock;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.contracts.inventory.OrderLine;
import shop.inventory.stock.Refusal.Reason;

/** The decisions of a reservation, apart from the database: which lines, and whether they can all be had. */
final class ReservationRules {

  /*
   * PostgreSQL orders uuids byte by byte, which is the order of their lowercase text form (not of
   * UUID.compareTo). Every statement that locks product rows follows this one order, so two orders
   * sharing products never wait on each other in a cycle.
   */
  static final Comparator<StockLine> LOCK_ORDER = Comparator.comparing(line -> line.productId().toString());

  private ReservationRules() {
  }

  /**
   * The requested lines, one per product (quantities of repeated products added up), in lock order;
   * throws a {@link Refusal} if there are none, a quantity is below 1 or a product id is not a UUID.
   */
  static List<StockLine> normalize(List<OrderLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new Refusal(Reason.INVALID_REQUEST, "An order needs at least one line");
    }
    Map<UUID, Integer> quantities = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      UUID productId = productId(line.getProductId());
      if (line.getQuantity() < 1) {
        throw new Refusal(Reason.INVALID_REQUEST, "The quantity of product " + productId + " must be at least 1");
      }
      quantities.merge(productId, line.getQuantity(), Integer::sum);
      if (quantities.get(productId) < 1) { // the sum overflowed
        throw new Refusal(Reason.INVALID_REQUEST, "Too many units of product " + productId);
      }
    }
    return quantities.entrySet().stream()
        .map(entry -> new StockLine(entry.getKey(), entry.getValue()))
        .sorted(LOCK_ORDER)
        .toList();
  }

  /** Throws a {@link Refusal} unless every product exists and has the units asked for available. */
  static void checkAvailable(List<StockLine> lines, Map<UUID, Integer> available) {
    for (StockLine line : lines) {
      Integer units = available.get(line.productId());
      if (units == null) {
        throw unknownProduct(line.productId().toString());
      }
      if (units < line.quantity()) {
        throw new Refusal(Reason.OUT_OF_STOCK, "Product " + line.productId() + " has " + units
            + " unit(s) available, " + line.quantity() + " asked for");
      }
    }
  }

  static UUID productId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw unknownProduct(id);
    }
  }

  static Refusal unknownProduct(String id) {
    return new Refusal(Reason.UNKNOWN_PRODUCT, "No product " + id);
  }
}
