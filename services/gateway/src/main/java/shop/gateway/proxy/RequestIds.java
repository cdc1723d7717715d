package shop.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import shop.platform.http.RequestId;

/**
 * Gives every request an {@code X-Request-ID} (the client's, if it sent a sane one) and a W3C
 * {@code traceparent} (the client's, if valid, else a new trace), passed to the upstream service;
 * the request id is also returned on the response, errors included.
 */
public final class RequestIds {

  public static final String REQUEST_ID = RequestId.HEADER;
  public static final String TRACEPARENT = "traceparent";
  private static final Pattern SANE_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern W3C_TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String TRACEPARENT_TEMPLATE = "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01";
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
  private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

  private RequestIds() {
  }

  public static void handle(RoutingContext ctx) {
    String requestId = ctx.request().getHeader(REQUEST_ID);
    if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
      requestId = randomUuid();
    }
    String traceparent = ctx.request().getHeader(TRACEPARENT);
    if (traceparent == null || !validTraceparent(traceparent)) {
      traceparent = newTraceparent();
    }
    ctx.put(REQUEST_ID, requestId);
    ctx.put(TRACEPARENT, traceparent);
    ctx.response().putHeader(REQUEST_ID, requestId);
    ctx.next();
  }

  static boolean validTraceparent(String value) {
    return W3C_TRACEPARENT.matcher(value).matches() && !value.startsWith("ff")
        && !value.substring(3, 35).equals(INVALID_TRACE_ID) && !value.substring(36, 52).equals("0000000000000000");
  }

  /** A new trace, sampled: {@code 00-<trace id>-<span id>-01}. */
  static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] value = TRACEPARENT_TEMPLATE.toCharArray();
    writeHex(random.nextLong() | 1, value, 3);
    writeHex(random.nextLong(), value, 19);
    writeHex(random.nextLong() | 1, value, 36);
    return new String(value);
  }

  /** A version 4 UUID; request ids need to be unique, not unguessable, so no SecureRandom on the event loop. */
  static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** The 16 hex digits of {@code value}, written into {@code target} from {@code offset}. */
  private static void writeHex(long value, char[] target, int offset) {
    for (int i = 15; i >= 0; i--) {
      target[offset + i] = HEX_DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
