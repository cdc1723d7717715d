package shop.shipping.api;

import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import shop.platform.http.OwnRecords;
import shop.shipping.dispatch.ShipmentRecord;
import shop.shipping.dispatch.ShipmentRepository;

/** {@code GET /shipments?orderId=} and {@code GET /shipments/{id}}: the caller's own shipments only. */
public final class ShipmentRoutes {

  private final ShipmentRepository shipments;
  private final JWTAuth jwt;

  public ShipmentRoutes(ShipmentRepository shipments, JWTAuth jwt) {
    this.shipments = shipments;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    OwnRecords.mount(api, jwt, "/shipments", ShipmentRecord::toJson)
        .listFilteredBy("orderId", shipments::listByUser)
        .get("shipment", shipments::findByIdAndUser);
  }
}
