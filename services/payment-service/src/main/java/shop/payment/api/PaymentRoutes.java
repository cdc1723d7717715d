package shop.payment.api;

import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import shop.payment.ledger.Payment;
import shop.payment.ledger.PaymentRepository;
import shop.platform.http.OwnRecords;

/** {@code GET /payments?orderId=} and {@code GET /payments/{id}}: the caller's own payments only. */
public final class PaymentRoutes {

  private final PaymentRepository payments;
  private final JWTAuth jwt;

  public PaymentRoutes(PaymentRepository payments, JWTAuth jwt) {
    this.payments = payments;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    OwnRecords.mount(api, jwt, "/payments", Payment::toJson)
        .listFilteredBy("orderId", payments::listByUser)
        .get("payment", payments::findByIdAndUser);
  }
}
