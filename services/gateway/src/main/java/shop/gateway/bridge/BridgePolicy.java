package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import java.util.List;
import java.util.Set;
import shop.contracts.bridge.PublicBus;
import shop.gateway.contract.Access;
import shop.gateway.contract.Callers;
import shop.platform.http.Problem;

/**
 * What a bridge client may do, checked on every frame by both bridges before anything reaches the
 * event bus: the inbound and outbound allow-lists, the bearer token every frame carries in its
 * {@code authorization} header, the admin role for the admin feeds, and a customer's own user id
 * for their orders' feed. Anything else is refused with a message that says why.
 */
public final class BridgePolicy {

  /** The requests a client may send. */
  static final Set<String> REQUESTS = Set.of(PublicBus.PRODUCTS_LIST, PublicBus.ORDERS_PLACE, PublicBus.ORDERS_GET);
  /** The feeds only admins may listen to. */
  static final Set<String> ADMIN_FEEDS = Set.of(PublicBus.ORDER_STATUS, PublicBus.BREAKERS, PublicBus.OPS_SERVICES,
      PublicBus.OPS_METRICS, PublicBus.OPS_EVENTS);
  private static final String OWN_STATUS_PREFIX = PublicBus.ORDER_STATUS + ".";
  private static final Access CUSTOMER = new Access(false, List.of());
  private static final Access ADMIN = new Access(false, List.of("admin"));

  private final Callers callers;

  public BridgePolicy(Callers callers) {
    this.callers = callers;
  }

  /**
   * Why a frame was refused, in words fit for the client's {@code err} frame, with an HTTP-like status:
   * 400 a malformed frame, 401 no valid token, 403 not allowed.
   */
  public static final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * The caller a frame is allowed for; a failed future with a {@link Refusal} otherwise.
   *
   * @param type the frame's type: {@code send}, {@code publish}, {@code register} or {@code unregister}
   */
  public Future<User> check(String type, String address, JsonObject headers) {
    if (address == null || address.isBlank()) {
      return refuse(400, "a " + type + " frame needs an address");
    }
    return switch (type) {
      case "send" -> REQUESTS.contains(address) ? caller(headers, CUSTOMER) : refuse(403, notAllowed(address));
      case "register", "unregister" -> listener(address, headers);
      case "publish" -> refuse(403, "publishing is not allowed: send a request to one of " + REQUESTS);
      default -> refuse(400, "unknown frame type: " + type);
    };
  }

  private Future<User> listener(String address, JsonObject headers) {
    if (ADMIN_FEEDS.contains(address)) {
      return caller(headers, ADMIN);
    }
    if (!address.startsWith(OWN_STATUS_PREFIX)) {
      return refuse(403, notAllowed(address));
    }
    String userId = address.substring(OWN_STATUS_PREFIX.length());
    return caller(headers, CUSTOMER).compose(user -> userId.equals(user.subject())
        ? Future.succeededFuture(user)
        : refuse(403, "you may listen to your own orders only: " + PublicBus.orderStatusOf(user.subject())));
  }

  private Future<User> caller(JsonObject headers, Access access) {
    Object authorization = headers == null ? null : headers.getValue(PublicBus.AUTHORIZATION);
    if (authorization != null && !(authorization instanceof String)) {
      return refuse(401, "the authorization header must be a string: Bearer <token>");
    }
    return callers.identify((String) authorization, access)
        .recover(e -> e instanceof Problem problem ? refuse(problem.status(), problem.getMessage())
            : refuse(401, "the token cannot be checked"));
  }

  private static String notAllowed(String address) {
    return "address not allowed: " + address;
  }

  static <T> Future<T> refuse(int status, String message) {
    return Future.failedFuture(new Refusal(status, message));
  }
}
