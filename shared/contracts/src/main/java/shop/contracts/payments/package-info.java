/** The {@code payments} event-bus service: charges and refunds, idempotent. Implemented by payment-service. */
@ModuleGen(name = "shop-payments", groupPackage = "shop.contracts.payments")
package shop.contracts.payments;

import io.vertx.codegen.annotations.ModuleGen;
