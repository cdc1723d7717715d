package shop.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import shop.gateway.routing.Instance;
import shop.platform.config.ServiceConfig;

/**
 * Sends a request on to one upstream instance over a pooled keep-alive client (one per event loop)
 * and reads its whole answer; the path, query, method, body and end-to-end headers go unchanged,
 * both ways.
 */
public final class Forwarder {

  /**
   * Headers of one connection (RFC 9110 section 7.6.1), never forwarded, as are those the
   * {@code Connection} header names; lengths are recomputed.
   */
  private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Authenticate",
      "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length");

  private final HttpClient client;
  private final long timeoutMs;

  /** An upstream's complete answer, its headers as they came. */
  public record Reply(int status, MultiMap headers, Buffer body) {

    /** Answers the client with this reply: its status, end-to-end headers and body (none to a HEAD). */
    public void sendTo(RoutingContext ctx) {
      HttpServerResponse response = ctx.response().setStatusCode(status);
      copyEndToEnd(headers, response.headers());
      // The service echoes the request id the gateway sent, which the response carries already.
      response.headers().set(RequestIds.REQUEST_ID, ctx.<String>get(RequestIds.REQUEST_ID));
      if (ctx.request().method() == HttpMethod.HEAD) {
        response.end();
      } else {
        response.end(body);
      }
    }
  }

  private Forwarder(HttpClient client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  /**
   * A forwarder of the calling verticle, to create on its event loop: the upstream client (and its
   * pool) is then that loop's own, so upstream answers arrive on the thread that writes the response,
   * as the server's strict thread mode requires. Requests time out after {@code breaker.timeout-ms}.
   */
  public static Forwarder onThisEventLoop(Vertx vertx, ServiceConfig config) {
    return new Forwarder(vertx.createHttpClient(
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout(config.getInt("upstream.connect-timeout-ms"))
            .setDecompressionSupported(false),
        new PoolOptions().setHttp1MaxSize(config.getInt("upstream.pool-size"))),
        config.getLong("breaker.timeout-ms"));
  }

  /** The headers to send upstream: the client's end-to-end headers plus request id, trace and forwarding info. */
  public static MultiMap upstreamHeaders(HttpServerRequest request, String requestId, String traceparent) {
    MultiMap headers = HttpHeaders.headers();
    copyEndToEnd(request.headers(), headers);
    String forwardedFor = request.getHeader("X-Forwarded-For");
    String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
    headers.set("X-Forwarded-Proto", request.scheme());
    if (request.authority() != null) {
      headers.set("X-Forwarded-Host", request.authority().toString());
    }
    headers.set(RequestIds.REQUEST_ID, requestId);
    headers.set(RequestSpans.TRACEPARENT, traceparent);
    return headers;
  }

  public Future<Reply> send(Instance target, HttpMethod method, String uri, MultiMap headers, Buffer body) {
    RequestOptions options = new RequestOptions()
        .setMethod(method)
        .setHost(target.host())
        .setPort(target.port())
        .setURI(uri)
        .setHeaders(headers)
        // Waiting for a pooled connection, and then for the answer, each time out after timeoutMs.
        .setTimeout(timeoutMs);
    return client.request(options)
        .compose(request -> body == null || body.length() == 0 ? request.send() : request.send(body))
        .compose(response -> response.body()
            .map(content -> new Reply(response.statusCode(), response.headers(), content)));
  }

  /** Adds the end-to-end headers of {@code from} to {@code to}: all but the hop-by-hop ones. */
  static void copyEndToEnd(MultiMap from, MultiMap to) {
    String connection = from.get(HttpHeaders.CONNECTION);
    List<String> namedInConnection = connection == null ? List.of()
        : Arrays.stream(connection.split(",")).map(String::trim).toList();
    from.forEach((name, value) -> {
      if (!isOneOf(name, HOP_BY_HOP) && !isOneOf(name, namedInConnection)) {
        to.add(name, value);
      }
    });
  }

  private static boolean isOneOf(String name, List<String> names) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
