package shop.shipping.bus;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.contracts.shipping.Shipping;
import shop.platform.ids.Uuids;
import shop.shipping.dispatch.Dispatch;
import shop.shipping.dispatch.ShipmentRecord;

/** The {@code shipping} event-bus service: an order's shipment, for the order saga. */
public final class ShippingBusService implements Shipping {

  public static final int BAD_REQUEST = 400;
  public static final int UNAVAILABLE = 503;

  private static final Logger log = LoggerFactory.getLogger(ShippingBusService.class);

  private final Pool pool;
  private final Dispatch dispatch;

  public ShippingBusService(Pool pool, Dispatch dispatch) {
    this.pool = pool;
    this.dispatch = dispatch;
  }

  @Override
  public Future<Shipment> create(ShipmentRequest request) {
    Optional<String> problem = Dispatch.problemWith(request);
    if (problem.isPresent()) {
      return ServiceException.fail(BAD_REQUEST, problem.get());
    }
    return pool.withTransaction(tx -> dispatch.create(tx, request, null))
        .map(ShipmentRecord::toShipment)
        .recover(ShippingBusService::unavailable);
  }

  @Override
  public Future<Shipment> cancel(String orderId) {
    Optional<UUID> id = Uuids.parse(orderId);
    if (id.isEmpty()) {
      return ServiceException.fail(BAD_REQUEST, "orderId must be a UUID");
    }
    return pool.withTransaction(tx -> dispatch.cancel(tx, id.get(), null))
        .map(cancellation -> cancellation.shipment().map(ShipmentRecord::toShipment)
            .orElseGet(() -> new Shipment(null, orderId, Shipment.NONE, null, null)))
        .recover(ShippingBusService::unavailable);
  }

  /** The shipment could not be stored or read: for the caller to retry later. */
  private static <T> Future<T> unavailable(Throwable failure) {
    log.error("shipping operation failed", failure);
    return ServiceException.fail(UNAVAILABLE, "shipping unavailable");
  }
}
