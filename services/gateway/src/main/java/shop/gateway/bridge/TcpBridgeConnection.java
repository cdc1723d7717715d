package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.HashMap;
import java.util.Map;
import shop.contracts.bridge.PublicBus;
import shop.gateway.bridge.BridgePolicy.Refusal;

/**
 * One client of the {@link TcpBridge}. Frames are read one at a time, in order: the next is read once
 * the previous one is checked and sent on, so a client that floods the bridge only slows itself down.
 *
 * <p>Vert.x's own {@code TcpEventBusBridge} speaks the same protocol, but it buffers a frame of any
 * announced length, only logs a frame it cannot parse, and has no hook on connections or on the
 * messages it delivers: none of the limits below could be kept with it.
 *
 * <ul>
 *   <li>A frame longer than {@code bridge.max-frame-bytes}, or that is not a JSON object, gets an
 *       {@code err} frame and the connection is closed: what follows cannot be framed any more.
 *   <li>A frame the {@link BridgePolicy} refuses gets an {@code err} frame saying why (addressed to
 *       the request's {@code replyAddress}, if it has one); the connection stays open.
 *   <li>A client that reads its messages too slowly to keep up is disconnected, rather than the
 *       gateway holding its backlog.
 * </ul>
 */
final class TcpBridgeConnection {

  private static final int LENGTH_BYTES = 4;

  private final Vertx vertx;
  private final NetSocket socket;
  private final BridgePolicy policy;
  private final BridgeLimits limits;
  private final Runnable onClose;
  private final Map<String, MessageConsumer<Object>> registrations = new HashMap<>();
  private final RecordParser parser;
  private boolean readingLength = true;
  private boolean closing;

  TcpBridgeConnection(Vertx vertx, NetSocket socket, BridgePolicy policy, BridgeLimits limits, Runnable onClose) {
    this.vertx = vertx;
    this.socket = socket;
    this.policy = policy;
    this.limits = limits;
    this.onClose = onClose;
    this.parser = RecordParser.newFixed(LENGTH_BYTES, socket);
  }

  void start() {
    parser.handler(this::onRecord);
    parser.exceptionHandler(e -> socket.close());
    socket.closeHandler(closed -> {
      registrations.values().forEach(MessageConsumer::unregister);
      registrations.clear();
      onClose.run();
    });
  }

  /** Writes an {@code err} frame, then closes the connection once it is sent. */
  static void refuseAndClose(NetSocket socket, String message) {
    socket.end(frame(new JsonObject().put("type", "err").put("message", message)));
  }

  private void onRecord(Buffer record) {
    if (closing) {
      return;
    }
    if (readingLength) {
      int length = record.getInt(0);
      if (length <= 0 || length > limits.maxFrameBytes()) {
        close("a frame of " + Integer.toUnsignedString(length) + " bytes is not accepted: frames are 1 to "
            + limits.maxFrameBytes() + " bytes");
        return;
      }
      readingLength = false;
      parser.fixedSizeMode(length);
      return;
    }
    readingLength = true;
    parser.fixedSizeMode(LENGTH_BYTES);
    JsonObject frame;
    try {
      frame = new JsonObject(record);
    } catch (DecodeException | ClassCastException e) {
      close("a frame must be one JSON object: " + e.getMessage());
      return;
    }
    parser.pause();
    handle(frame).onComplete(handled -> parser.resume());
  }

  private void close(String message) {
    closing = true;
    refuseAndClose(socket, message);
  }

  private Future<Void> handle(JsonObject frame) {
    Object type = frame.getValue("type");
    if ("ping".equals(type)) {
      socket.write(frame(new JsonObject().put("type", "pong")));
      return Future.succeededFuture();
    }
    Object replyAddress = frame.getValue("replyAddress");
    String replyTo = "send".equals(type) && replyAddress instanceof String reply ? reply : null;
    if (!(type instanceof String frameType)) {
      return refused(null, new Refusal(400, "a frame needs a type: send, register, unregister or ping"));
    }
    if (frame.getValue("address") != null && !(frame.getValue("address") instanceof String)) {
      return refused(replyTo, new Refusal(400, "the address must be a string"));
    }
    if (frame.getValue("headers") != null && !(frame.getValue("headers") instanceof JsonObject)) {
      return refused(replyTo, new Refusal(400, "the headers must be a JSON object"));
    }
    String address = frame.getString("address");
    JsonObject headers = frame.getJsonObject("headers");
    return policy.check(frameType, address, headers)
        .compose(caller -> switch (frameType) {
          case "send" -> send(address, replyTo, headers, frame.getValue("body"));
          case "register" -> register(address);
          default -> unregister(address);
        })
        .recover(e -> refused(replyTo, e instanceof Refusal refusal ? refusal
            : new Refusal(503, "the bridge cannot handle this frame right now")));
  }

  private Future<Void> send(String address, String replyTo, JsonObject headers, Object body) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(limits.replyTimeoutMs())
        .addHeader(PublicBus.AUTHORIZATION, headers.getString(PublicBus.AUTHORIZATION));
    if (replyTo == null) {
      vertx.eventBus().send(address, body, options);
      return Future.succeededFuture();
    }
    vertx.eventBus().request(address, body, options).onComplete(answer -> {
      if (answer.succeeded()) {
        write(new JsonObject().put("type", "message").put("address", replyTo).put("body", answer.result().body()));
      } else {
        ReplyException failure = answer.cause() instanceof ReplyException reply ? reply : null;
        write(new JsonObject().put("type", "err").put("address", replyTo)
            .put("failureCode", failure == null ? 503 : failure.failureCode())
            .put("failureType", failure == null ? "RECIPIENT_FAILURE" : failure.failureType().name())
            .put("message", answer.cause().getMessage()));
      }
    });
    return Future.succeededFuture();
  }

  private Future<Void> register(String address) {
    if (registrations.containsKey(address)) {
      return Future.succeededFuture();
    }
    if (registrations.size() >= limits.maxRegistrations()) {
      return Future.failedFuture(new Refusal(403, "a connection may listen to " + limits.maxRegistrations()
          + " addresses at most"));
    }
    registrations.put(address, vertx.eventBus().consumer(address, (Message<Object> message) -> deliver(address,
        message.body())));
    return Future.succeededFuture();
  }

  private Future<Void> unregister(String address) {
    MessageConsumer<Object> consumer = registrations.remove(address);
    return consumer == null
        ? Future.failedFuture(new Refusal(400, "not listening to " + address))
        : consumer.unregister();
  }

  private void deliver(String address, Object body) {
    if (socket.writeQueueFull()) {
      close("messages arrive faster than this connection reads them: disconnected");
      return;
    }
    write(new JsonObject().put("type", "message").put("address", address).put("body", body));
  }

  /** An {@code err} frame: to the request's reply address with its status, or on its own. */
  private Future<Void> refused(String replyTo, Refusal refusal) {
    JsonObject err = new JsonObject().put("type", "err").put("message", refusal.getMessage());
    if (replyTo != null) {
      err.put("address", replyTo).put("failureCode", refusal.status()).put("failureType", "RECIPIENT_FAILURE");
    }
    write(err);
    return Future.succeededFuture();
  }

  private void write(JsonObject frame) {
    socket.write(frame(frame));
  }

  private static Buffer frame(JsonObject json) {
    Buffer payload = json.toBuffer();
    return Buffer.buffer(LENGTH_BYTES + payload.length()).appendInt(payload.length()).appendBuffer(payload);
  }
}
