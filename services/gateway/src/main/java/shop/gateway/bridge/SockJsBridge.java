package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import shop.contracts.bridge.PublicBus;
import shop.gateway.bridge.BridgePolicy.Refusal;

/**
 * The SockJS event-bus bridge, for browsers and Node ({@code /eventbus} on the gateway's port): Vert.x's
 * own bridge, with the library's allow-lists as a first gate and the {@link BridgePolicy} deciding
 * every frame. A refused frame gets an {@code err} frame saying why (to the request's reply address,
 * if it has one), then the library's own {@code rejected}. A message over the size limit closes its
 * connection. Only the WebSocket transports are on: the others would read request bodies of any size.
 */
public final class SockJsBridge {

  public static final String PATH = "/eventbus";

  private final BridgePolicy policy;
  private final BridgeLimits limits;
  private final AtomicInteger open = new AtomicInteger();

  public SockJsBridge(BridgePolicy policy, BridgeLimits limits) {
    this.policy = policy;
    this.limits = limits;
  }

  /** The bridge's routes, for one HTTP server verticle; mount it at {@link #PATH}. */
  public Router router(Vertx vertx) {
    SockJSHandlerOptions sockJs = new SockJSHandlerOptions()
        .addDisabledTransport(Transport.EVENT_SOURCE.name())
        .addDisabledTransport(Transport.HTML_FILE.name())
        .addDisabledTransport(Transport.JSON_P.name())
        .addDisabledTransport(Transport.XHR.name());
    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
        .setPingTimeout(limits.idleTimeoutMs())
        .setReplyTimeout(limits.replyTimeoutMs())
        .setMaxHandlersPerSocket(limits.maxRegistrations())
        .setMaxAddressLength(128);
    BridgePolicy.REQUESTS.forEach(address -> bridge.addInboundPermitted(new PermittedOptions().setAddress(address)));
    BridgePolicy.ADMIN_FEEDS.forEach(address -> bridge.addOutboundPermitted(new PermittedOptions().setAddress(address)));
    bridge.addOutboundPermitted(new PermittedOptions()
        .setAddressRegex(Pattern.quote(PublicBus.orderStatusOf("")) + "[0-9a-fA-F-]{36}"));
    return SockJSHandler.create(vertx, sockJs).bridge(bridge, this::decide);
  }

  private void decide(BridgeEvent event) {
    BridgeEventType type = event.type();
    switch (type) {
      case SOCKET_CREATED -> event.complete(open.incrementAndGet() <= limits.maxConnections() || released(event));
      case SOCKET_ERROR -> {
        // A message over the size limit, for one: its connection cannot be trusted to frame the next.
        event.socket().write(new JsonObject().put("type", "err")
            .put("body", "closing the connection: " + event.getRawMessage().getString("message")).toBuffer());
        event.socket().close();
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        open.decrementAndGet();
        event.complete(true);
      }
      case SEND, PUBLISH, REGISTER, UNREGISTER -> {
        JsonObject frame = event.getRawMessage();
        Future<User> check;
        try {
          check = policy.check(frame.getString("type"), frame.getString("address"), frame.getJsonObject("headers"));
        } catch (ClassCastException malformed) {
          check = BridgePolicy.refuse(400, "type and address must be strings, and headers a JSON object");
        }
        check.onSuccess(caller -> event.complete(true))
            .onFailure(e -> {
              refuse(event, frame, e instanceof Refusal refusal ? refusal
                  : new Refusal(503, "the bridge cannot handle this frame right now"));
              event.complete(false);
            });
      }
      default -> event.complete(true);
    }
  }

  /** A connection over the limit: it is not counted, and is closed. */
  private boolean released(BridgeEvent event) {
    open.decrementAndGet();
    event.socket().write(new JsonObject().put("type", "err")
        .put("body", "too many connections to this bridge; try again later").toBuffer());
    return false;
  }

  private static void refuse(BridgeEvent event, JsonObject frame, Refusal refusal) {
    JsonObject err = new JsonObject().put("type", "err").put("body", refusal.getMessage())
        .put("message", refusal.getMessage());
    if (frame.getValue("replyAddress") instanceof String replyAddress) {
      err.put("address", replyAddress).put("failureCode", refusal.status()).put("failureType", "RECIPIENT_FAILURE");
    }
    event.socket().write(err.toBuffer());
  }
}
