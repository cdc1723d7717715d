package shop.shipping.bus;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.contracts.shipping.Shipping;
import shop.platform.bus.ServiceFailures;
import shop.shipping.dispatch.Dispatch;
import shop.shipping.dispatch.ShipmentRecord;

/** The {@code shipping} event-bus service: an order's shipment, for the order saga. */
public final class ShippingBusService implements Shipping {

  private static final Logger log = LoggerFactory.getLogger(ShippingBusService.class);

  private final Pool pool;
  private final Dispatch dispatch;

  public ShippingBusService(Pool pool, Dispatch dispatch) {
    this.pool = pool;
    this.dispatch = dispatch;
  }

  @Override
  public Future<Shipment> create(ShipmentRequest request) {
    return ServiceFailures.unlessInvalid(Dispatch.problemWith(request), () ->
        pool.withTransaction(tx -> dispatch.create(tx, request, null))
            .map(ShipmentRecord::toShipment)
            .recover(failure -> ServiceFailures.unavailable(log, ADDRESS, failure)));
  }

  @Override
  public Future<Shipment> cancel(String orderId) {
    return ServiceFailures.forOrder(orderId, id -> pool.withTransaction(tx -> dispatch.cancel(tx, id, null))
        .map(cancellation -> cancellation.shipment().map(ShipmentRecord::toShipment)
            .orElseGet(() -> new Shipment(null, orderId, Shipment.NONE, null, null)))
        .recover(failure -> ServiceFailures.unavailable(log, ADDRESS, failure)));
  }
}
