package shop.contracts.shipping;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Shipments, served by shipping-service on the clustered event bus, keyed by order id and
 * idempotent. A shipment that cannot be made is an outcome ({@link Shipment#REJECTED}), not a failure.
 */
@ProxyGen
public interface Shipping {

  String ADDRESS = "shipping";

  /** Creates the order's shipment, once: repeating it returns the same shipment. */
  Future<Shipment> create(ShipmentRequest request);

  /** Cancels the order's shipment; idempotent, {@link Shipment#NONE} if there is none. */
  Future<Shipment> cancel(String orderId);

  static Shipping createProxy(Vertx vertx) {
    return new ShippingVertxEBProxy(vertx, ADDRESS);
  }
}
