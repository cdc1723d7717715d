package shop.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An operation of the contract the gateway answers itself rather than forwarding (the admin drills),
 * after the same checks as every other: token, rate limit and contract. A failure with a
 * {@link shop.platform.http.Problem} is answered as that problem.
 */
@FunctionalInterface
interface OwnOperation {

  /** The JSON body of a 200 answer to the request, already checked against the contract. */
  Future<JsonObject> answer(RoutingContext ctx);
}
