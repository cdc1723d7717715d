package shop.system.bridges;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket to the SockJS bridge ({@code /eventbus/websocket}): one JSON frame per message, which
 * the bridge sends as binary messages.
 */
final class SockJsFrames implements AutoCloseable {

  private static final JsonObject CLOSED = new JsonObject().put("closed", true);

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final List<JsonObject> read = new ArrayList<>();
  private final WebSocket socket;

  SockJsFrames(String origin) {
    socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(origin.replace("http://", "ws://") + "/eventbus/websocket"), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            return take(webSocket, data, last);
          }

          @Override
          public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            return take(webSocket, StandardCharsets.UTF_8.decode(data), last);
          }

          private CompletionStage<?> take(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(new JsonObject(text.toString()));
              text.setLength(0);
            }
            webSocket.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(CLOSED);
            return null;
          }

          @Override
          public void onError(WebSocket webSocket, Throwable error) {
            received.add(CLOSED);
          }
        }).join();
  }

  void send(JsonObject frame) {
    sendText(frame.encode());
  }

  /** Sends a text message, once the previous one is sent (the JDK's WebSocket takes one at a time). */
  void sendText(String text) {
    socket.sendText(text, true).join();
  }

  /** The next frame; fails if the bridge closed the connection. */
  JsonObject read() {
    JsonObject frame = next();
    if (frame == CLOSED) {
      throw new AssertionError("the bridge closed the connection");
    }
    return frame;
  }

  /** Whether the bridge closes the connection before sending anything more than err frames. */
  boolean closesAfterErrors() {
    JsonObject frame;
    do {
      frame = next();
    } while (frame != CLOSED && "err".equals(frame.getString("type")));
    return frame == CLOSED;
  }

  private JsonObject next() {
    try {
      JsonObject frame = received.poll(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("no frame from the SockJS bridge in 30 s, after " + read);
      }
      read.add(frame);
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
