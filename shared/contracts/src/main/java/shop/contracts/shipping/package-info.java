/** The {@code shipping} event-bus service: shipments by order. Implemented by shipping-service. */
@ModuleGen(name = "shop-shipping", groupPackage = "shop.contracts.shipping")
package shop.contracts.shipping;

import io.vertx.codegen.annotations.ModuleGen;
