package shop.system.bridges;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A raw connection to the TCP bridge: frames written and read byte by byte, as any client must. */
final class TcpFrames implements AutoCloseable {

  private final Deque<JsonObject> heldBack = new ArrayDeque<>();
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  TcpFrames(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
      in = new DataInputStream(socket.getInputStream());
      out = new DataOutputStream(socket.getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(JsonObject frame) {
    writeRaw(frame.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** A frame of these bytes, whatever they are. */
  void writeRaw(byte[] payload) {
    writeLength(payload.length);
    writeBytes(payload);
  }

  void writeLength(int length) {
    try {
      out.writeInt(length);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame from the bridge: one put back by {@link #putBack} first. */
  JsonObject read() {
    JsonObject putBack = heldBack.poll();
    return putBack != null ? putBack : next().orElseThrow(() -> new AssertionError("the bridge closed the connection"));
  }

  /**
   * Keeps a frame read too early for the next {@link #read}: a feed's message can overtake the answer
   * a test waits for (an order's first status change is published when it commits, the answer to
   * placing it comes back after).
   */
  void putBack(JsonObject frame) {
    heldBack.add(frame);
  }

  /** The next frame, or empty once the bridge has closed the connection. */
  Optional<JsonObject> next() {
    try {
      int length = in.readInt();
      byte[] payload = in.readNBytes(length);
      return Optional.of(new JsonObject(new String(payload, StandardCharsets.UTF_8)));
    } catch (EOFException | java.net.SocketException closed) {
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame from the bridge in 30 s", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame that is not a message on {@code address} (which a test may not care about). */
  JsonObject readSkipping(String address) {
    while (true) {
      JsonObject frame = read();
      if (!address.equals(frame.getString("address"))) {
        return frame;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed by the bridge
    }
  }
}
