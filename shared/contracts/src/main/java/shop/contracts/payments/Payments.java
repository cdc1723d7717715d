package shop.contracts.payments;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Charges and refunds, served by payment-service on the clustered event bus. A decline is an
 * outcome ({@link PaymentResult#DECLINED}), not a failure; a failed future means the payment could
 * not be decided (provider or service unavailable) and the caller should retry later.
 */
@ProxyGen
public interface Payments {

  String ADDRESS = "payments";

  /** Charges once per idempotency key: repeating a charge returns the first result. */
  Future<PaymentResult> charge(ChargeRequest request);

  /** Refunds the order's captured charge; idempotent, {@link PaymentResult#NONE} if nothing was captured. */
  Future<PaymentResult> refund(String orderId);

  static Payments createProxy(Vertx vertx) {
    return new PaymentsVertxEBProxy(vertx, ADDRESS);
  }
}
