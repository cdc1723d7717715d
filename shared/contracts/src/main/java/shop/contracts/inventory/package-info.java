/**
 * The {@code inventory} event-bus service: pricing and stock reservations by order. Implemented by
 * inventory-service.
 */
@ModuleGen(name = "shop-inventory", groupPackage = "shop.contracts.inventory")
package shop.contracts.inventory;

import io.vertx.codegen.annotations.ModuleGen;
