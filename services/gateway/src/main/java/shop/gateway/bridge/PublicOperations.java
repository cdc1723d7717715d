package shop.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Function;
import shop.contracts.bridge.PublicBus;

/**
 * The public requests of the event bus ({@link PublicBus}), served by this gateway's own HTTP API,
 * called on loopback with the caller's token: over the bridges a request goes through the same
 * contract checks, token check, rate limits and services as over HTTP, and gets the same answer.
 * A refusal fails the message with the HTTP status as its code and the problem's detail as its message.
 */
public final class PublicOperations {

  private final HttpClient api;

  private PublicOperations(HttpClient api) {
    this.api = api;
  }

  /** Serves the requests on the event bus of the cluster; completes once the cluster can reach them. */
  public static Future<Void> serve(Vertx vertx, int httpPort, int timeoutMs) {
    PublicOperations operations = new PublicOperations(vertx.createHttpClient(new HttpClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(httpPort).setConnectTimeout(timeoutMs)));
    return Future.all(
        operations.serve(vertx, PublicBus.PRODUCTS_LIST, operations::listProducts),
        operations.serve(vertx, PublicBus.ORDERS_PLACE, operations::placeOrder),
        operations.serve(vertx, PublicBus.ORDERS_GET, operations::getOrder)).mapEmpty();
  }

  private Future<Void> serve(Vertx vertx, String address, Function<Message<Object>, Future<JsonObject>> operation) {
    return vertx.eventBus().consumer(address, (Message<Object> message) -> {
      Future<JsonObject> answer;
      try {
        answer = operation.apply(message);
      } catch (IllegalArgumentException invalid) {
        answer = Future.failedFuture(new Refused(400, invalid.getMessage()));
      }
      answer.onSuccess(message::reply)
          .onFailure(e -> message.fail(e instanceof Refused refused ? refused.status : 503,
              e instanceof Refused ? e.getMessage() : "The shop cannot answer right now; try again shortly"));
    }).completion();
  }

  private Future<JsonObject> listProducts(Message<Object> message) {
    JsonObject body = bodyOf(message);
    StringBuilder query = new StringBuilder("/api/v1/products?");
    for (String param : new String[] {"page", "size"}) {
      Object value = body.getValue(param);
      if (value != null) {
        if (!(value instanceof Integer number)) {
          throw new IllegalArgumentException(param + " must be a whole number");
        }
        query.append(param).append('=').append(number).append('&');
      }
    }
    return call(message, HttpMethod.GET, query.substring(0, query.length() - 1), null, null);
  }

  private Future<JsonObject> placeOrder(Message<Object> message) {
    JsonObject body = bodyOf(message);
    Object key = body.getValue("idempotencyKey");
    if (!(key instanceof String idempotencyKey) || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("idempotencyKey must be a string of printable characters, e.g. a UUID");
    }
    JsonObject order = body.copy();
    order.remove("idempotencyKey");
    return call(message, HttpMethod.POST, "/api/v1/orders", idempotencyKey, order.toBuffer());
  }

  private Future<JsonObject> getOrder(Message<Object> message) {
    Object orderId = bodyOf(message).getValue("orderId");
    if (!(orderId instanceof String id) || !isUuid(id)) {
      throw new IllegalArgumentException("orderId must be the order's id, a UUID");
    }
    return call(message, HttpMethod.GET, "/api/v1/orders/" + id, null, null);
  }

  private Future<JsonObject> call(Message<Object> message, HttpMethod method, String uri, String idempotencyKey,
      Buffer body) {
    RequestOptions request = new RequestOptions().setMethod(method).setURI(uri);
    String authorization = message.headers().get(PublicBus.AUTHORIZATION);
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    if (body != null) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    return api.request(request)
        .compose(sent -> body == null ? sent.send() : sent.send(body))
        .compose(response -> response.body().compose(answer -> answered(response, answer)));
  }

  private static Future<JsonObject> answered(HttpClientResponse response, Buffer answer) {
    JsonObject json;
    try {
      json = new JsonObject(answer);
    } catch (DecodeException | ClassCastException notJson) {
      json = new JsonObject();
    }
    if (response.statusCode() < 300) {
      return Future.succeededFuture(json);
    }
    Object detail = json.getValue("detail");
    return Future.failedFuture(new Refused(response.statusCode(),
        detail instanceof String text ? text : response.statusMessage()));
  }

  private static JsonObject bodyOf(Message<Object> message) {
    if (message.body() == null) {
      return new JsonObject();
    }
    if (!(message.body() instanceof JsonObject body)) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return body;
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException notOne) {
      return false;
    }
  }

  /** The API's answer was a refusal: its status and detail go back to the caller. */
  private static final class Refused extends RuntimeException {
    private final int status;

    Refused(int status, String detail) {
      super(detail, null, false, false);
      this.status = status;
    }
  }
}
