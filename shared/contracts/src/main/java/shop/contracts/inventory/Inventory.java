package shop.contracts.inventory;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Prices and stock, served by inventory-service on the clustered event bus. Every reservation
 * operation is keyed by order id and idempotent: repeating it has no further effect.
 */
@ProxyGen
public interface Inventory {

  String ADDRESS = "inventory";

  /** Failure code of a {@code ServiceException}: a product does not exist. */
  int UNKNOWN_PRODUCT = 404;
  /** Failure code of a {@code ServiceException}: not enough stock for every line. */
  int OUT_OF_STOCK = 409;

  /** The current price of each line; fails {@link #UNKNOWN_PRODUCT} naming the product. */
  Future<List<PricedLine>> price(List<OrderLine> lines);

  /** Reserves every line or none; fails {@link #OUT_OF_STOCK}. Repeating it returns the same reservation. */
  Future<Reservation> reserve(String orderId, List<OrderLine> lines);

  /** Returns the order's reserved (or committed) units to stock; nothing if there are none. */
  Future<Reservation> release(String orderId);

  /** Turns the order's reservation into a sale. */
  Future<Reservation> commit(String orderId);

  static Inventory createProxy(Vertx vertx) {
    return new InventoryVertxEBProxy(vertx, ADDRESS);
  }
}
