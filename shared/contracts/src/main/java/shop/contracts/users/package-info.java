/**
 * The {@code users} event-bus service: user lookups that other services make over the clustered
 * event bus. Implemented by user-service; call it through {@link shop.contracts.users.UserDirectory#createProxy}.
 */
@ModuleGen(name = "shop-users", groupPackage = "shop.contracts.users")
package shop.contracts.users;

import io.vertx.codegen.annotations.ModuleGen;
