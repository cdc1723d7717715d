package shop.inventory.stock;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import shop.contracts.inventory.Inventory;
import shop.contracts.inventory.OrderLine;
import shop.contracts.inventory.PricedLine;
import shop.contracts.inventory.Reservation;
import shop.inventory.catalog.Product;
import shop.inventory.catalog.ProductRepository;

/**
 * The {@code inventory} event-bus service: prices, and the reservation operations each in a
 * transaction of its own. A refusal becomes a {@link ServiceException} with the contract's code.
 */
public final class InventoryBusService implements Inventory {

  private final Pool pool;
  private final ProductRepository products;
  private final Reservations reservations;

  public InventoryBusService(Pool pool, ProductRepository products, Reservations reservations) {
    this.pool = pool;
    this.products = products;
    this.reservations = reservations;
  }

  @Override
  public Future<List<PricedLine>> price(List<OrderLine> lines) {
    if (lines == null || lines.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Set<UUID> ids = new LinkedHashSet<>();
    try {
      lines.forEach(line -> ids.add(ReservationRules.productId(line.getProductId())));
    } catch (Refusal refusal) {
      return asServiceException(refusal);
    }
    return products.findAll(ids).compose(found -> {
      for (UUID id : ids) {
        if (!found.containsKey(id)) {
          return asServiceException(ReservationRules.unknownProduct(id.toString()));
        }
      }
      return Future.succeededFuture(lines.stream().map(line -> {
        Product product = found.get(UUID.fromString(line.getProductId()));
        return new PricedLine(line.getProductId(), product.sku(), product.name(), line.getQuantity(),
            product.priceMinor(), product.currency());
      }).toList());
    });
  }

  @Override
  public Future<Reservation> reserve(String orderId, List<OrderLine> lines) {
    return pool.withTransaction(tx -> reservations.reserve(tx, orderId, lines, new JsonObject()))
        .recover(InventoryBusService::asServiceException);
  }

  @Override
  public Future<Reservation> release(String orderId) {
    return pool.withTransaction(tx -> reservations.release(tx, orderId, new JsonObject()));
  }

  @Override
  public Future<Reservation> commit(String orderId) {
    return pool.withTransaction(tx -> reservations.commit(tx, orderId, new JsonObject()));
  }

  private static <T> Future<T> asServiceException(Throwable failure) {
    return failure instanceof Refusal refusal
        ? Future.failedFuture(new ServiceException(refusal.reason().code, refusal.getMessage()))
        : Future.failedFuture(failure);
  }
}
