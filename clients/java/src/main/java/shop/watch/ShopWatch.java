package shop.watch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import shop.contracts.bridge.OrderStatusChange;
import shop.contracts.bridge.PublicBus;
import shop.platform.boot.ClusterSettings;

/**
 * Places an order and prints each step of its saga until the order is final, from a JVM that joins
 * the shop's event-bus cluster: the same requests and feed the bridges offer, without a bridge. As a
 * member it hears every order's changes on {@link PublicBus#ORDER_STATUS} and keeps its own.
 *
 * <p>Prints {@code order <id>}, then {@code <event> <status>} per step; exits 0 when CONFIRMED, 1
 * when CANCELLED, 2 after 60 s without either, 3 on an error. Settings, from the environment:
 * {@code SHOP_GATEWAY_URL} (login), {@code SHOP_CLUSTER_NAME}, {@code SHOP_CLUSTER_PORT},
 * {@code SHOP_EMAIL} and {@code SHOP_PASSWORD} (a new user when unset).
 */
public final class ShopWatch {

  private static final List<String> FINAL = List.of("CONFIRMED", "CANCELLED");
  private static final long TIMEOUT_SECONDS = 60;

  private ShopWatch() {
  }

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = run();
    } catch (Exception e) {
      System.err.println("shop-watch: " + e.getMessage());
      exitCode = 3;
    }
    System.exit(exitCode);
  }

  private static int run() throws Exception {
    String gateway = env("SHOP_GATEWAY_URL", "http://127.0.0.1:8080");
    String email = env("SHOP_EMAIL", "");
    String password = env("SHOP_PASSWORD", "correct horse");
    if (email.isEmpty()) {
      email = "watch-" + UUID.randomUUID() + "@example.com";
      http(gateway, "POST", "/api/v1/users",
          new JsonObject().put("email", email).put("name", "Watcher").put("password", password));
    }
    String token = http(gateway, "POST", "/api/v1/auth/token",
        new JsonObject().put("email", email).put("password", password)).getString("accessToken");

    JsonObject cluster = new JsonObject()
        .put("cluster.name", env("SHOP_CLUSTER_NAME", "shop-dev"))
        .put("cluster.host", "127.0.0.1")
        .put("cluster.port", Integer.parseInt(env("SHOP_CLUSTER_PORT", "5701")))
        .put("cluster.port-count", 100);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(ClusterSettings.eventBus(cluster)))
        .withClusterManager(ClusterSettings.clusterManager(cluster))
        .buildClustered().await();
    try {
      return watch(vertx, "Bearer " + token).toCompletionStage().toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return 2;
    } finally {
      vertx.close().await();
    }
  }

  /** Listens first, then orders: a change that comes before the order's id is known is kept, not lost. */
  private static Future<Integer> watch(Vertx vertx, String authorization) {
    Promise<Integer> finalStatus = Promise.promise();
    Set<Integer> printed = new HashSet<>();
    JsonArray early = new JsonArray();
    String[] orderId = new String[1];
    DeliveryOptions withToken = new DeliveryOptions().addHeader(PublicBus.AUTHORIZATION, authorization);
    return vertx.eventBus().<JsonObject>consumer(PublicBus.ORDER_STATUS, message -> {
          if (orderId[0] == null) {
            early.add(message.body());
          } else {
            print(OrderStatusChange.fromJson(message.body()), orderId[0], printed, finalStatus);
          }
        }).completion()
        .compose(listening -> vertx.eventBus().<JsonObject>request(PublicBus.PRODUCTS_LIST,
            new JsonObject().put("size", 100), withToken))
        .compose(products -> vertx.eventBus().<JsonObject>request(PublicBus.ORDERS_PLACE, new JsonObject()
            .put("idempotencyKey", UUID.randomUUID().toString())
            .put("items", new JsonArray().add(new JsonObject().put("productId", inStock(products)).put("quantity", 1)))
            .put("shippingAddress", "1 Main Street"), withToken))
        .map(Message::body)
        .compose(order -> {
          orderId[0] = order.getString("id");
          System.out.println("order " + orderId[0]);
          early.forEach(change -> print(OrderStatusChange.fromJson((JsonObject) change), orderId[0], printed,
              finalStatus));
          return finalStatus.future();
        })
        .recover(e -> Future.failedFuture(e instanceof ReplyException refused
            ? new IllegalStateException(refused.failureCode() + " " + refused.getMessage()) : e));
  }

  private static void print(OrderStatusChange change, String orderId, Set<Integer> printed, Promise<Integer> done) {
    if (orderId.equals(change.orderId()) && printed.add(change.version())) {
      System.out.println(change.event() + " " + change.status());
      if (FINAL.contains(change.status())) {
        done.tryComplete("CONFIRMED".equals(change.status()) ? 0 : 1);
      }
    }
  }

  private static String inStock(Message<JsonObject> products) {
    return products.body().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(product -> product.getInteger("stock", 0) > 0)
        .map(product -> product.getString("id"))
        .findFirst().orElseThrow(() -> new IllegalStateException("no product in stock"));
  }

  private static JsonObject http(String gateway, String method, String path, JsonObject body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
