package shop.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import shop.platform.http.RequestId;

/**
 * Gives every request an {@code X-Request-ID} (the client's, if it sent a sane one), passed to the
 * upstream service and returned on the response, errors included.
 */
public final class RequestIds {

  public static final String REQUEST_ID = RequestId.HEADER;
  private static final Pattern SANE_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private RequestIds() {
  }

  public static void handle(RoutingContext ctx) {
    String requestId = ctx.request().getHeader(REQUEST_ID);
    if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
      requestId = randomUuid();
    }
    ctx.put(REQUEST_ID, requestId);
    ctx.response().putHeader(REQUEST_ID, requestId);
    ctx.next();
  }

  /** A version 4 UUID; request ids need to be unique, not unguessable, so no SecureRandom on the event loop. */
  static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
