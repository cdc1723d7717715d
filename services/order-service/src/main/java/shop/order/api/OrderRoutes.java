package shop.order.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import shop.contracts.inventory.OrderLine;
import shop.contracts.orders.OrderLimits;
import shop.order.placing.OrderCancellation;
import shop.order.placing.OrderPlacement;
import shop.order.placing.PlaceOrder;
import shop.order.store.OrderEventStore;
import shop.order.store.OrderReadModel;
import shop.platform.http.Auth;
import shop.platform.http.JsonRequest;
import shop.platform.http.JsonResponses;
import shop.platform.http.Problem.FieldError;
import shop.platform.http.Problem;
import shop.platform.http.RequestParams;

/**
 * {@code POST /orders}, {@code GET /orders}, {@code GET /orders/{id}}, {@code GET /orders/{id}/history},
 * {@code POST /orders/{id}/cancel}. Queries read the read model; the history reads the event store.
 */
public final class OrderRoutes {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final JWTAuth jwt;
  private final OrderPlacement placement;
  private final OrderCancellation cancellation;
  private final OrderReadModel readModel;
  private final OrderEventStore store;
  private final Consumer<UUID> sagaTrigger;

  /** @param sagaTrigger starts (or resumes) the saga of an order that was placed or cancelled */
  public OrderRoutes(JWTAuth jwt, OrderPlacement placement, OrderCancellation cancellation, OrderReadModel readModel,
      OrderEventStore store, Consumer<UUID> sagaTrigger) {
    this.jwt = jwt;
    this.placement = placement;
    this.cancellation = cancellation;
    this.readModel = readModel;
    this.store = store;
    this.sagaTrigger = sagaTrigger;
  }

  public void mount(Router api) {
    api.route("/orders*").handler(JWTAuthHandler.create(jwt));
    api.post("/orders").handler(this::place);
    api.get("/orders").handler(this::list);
    api.get("/orders/:id").handler(this::get);
    api.get("/orders/:id/history").handler(this::history);
    api.post("/orders/:id/cancel").handler(this::cancel);
  }

  private void place(RoutingContext ctx) {
    String key = idempotencyKey(ctx);
    PlaceOrder request = placeOrder(JsonRequest.of(ctx));
    String userId = Auth.userId(ctx);
    placement.place(userId, key, request)
        .onSuccess(placed -> {
          if (placed.isNew()) {
            sagaTrigger.accept(placed.orderId());
          }
        })
        .compose(placed -> readOrder(placed.orderId(), userId))
        .onSuccess(order -> JsonResponses.accepted(ctx, "/api/v1/orders/" + order.getString("id"), order))
        .onFailure(ctx::fail);
  }

  private PlaceOrder placeOrder(JsonRequest body) {
    List<JsonRequest> items = body.requiredObjects("items", OrderLimits.MAX_LINES);
    String address = body.requiredText("shippingAddress", OrderLimits.MAX_SHIPPING_ADDRESS_LENGTH);
    List<OrderLine> lines = items.stream()
        .map(item -> {
          UUID productId = item.requiredUuid("productId");
          Integer quantity = item.requiredInt("quantity", 1, OrderLimits.MAX_QUANTITY);
          return productId == null || quantity == null ? null : new OrderLine(productId.toString(), quantity);
        })
        .toList();
    body.validate();
    Set<String> products = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!products.add(lines.get(i).getProductId())) {
        throw new Problem(422, "Unprocessable Content",
            "Each product may appear on one line only; add up its quantities",
            List.of(new FieldError("items[" + i + "].productId", "appears more than once")));
      }
    }
    return new PlaceOrder(lines, address);
  }

  private static String idempotencyKey(RoutingContext ctx) {
    String key = ctx.request().getHeader(IDEMPOTENCY_KEY);
    if (key == null || key.isBlank() || key.length() > OrderLimits.MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw Problem.badRequest("An " + IDEMPOTENCY_KEY + " header of 1 to " + OrderLimits.MAX_IDEMPOTENCY_KEY_LENGTH
          + " characters is required, so that a retried request places the order only once",
          List.of(new FieldError(IDEMPOTENCY_KEY, "is required")));
    }
    return key;
  }

  private void list(RoutingContext ctx) {
    JsonResponses.ok(ctx, readModel.list(Auth.userId(ctx), RequestParams.page(ctx)));
  }

  private void get(RoutingContext ctx) {
    JsonResponses.ok(ctx, readOrder(RequestParams.pathId(ctx, "id"), Auth.userId(ctx)));
  }

  private void history(RoutingContext ctx) {
    UUID orderId = RequestParams.pathId(ctx, "id");
    JsonResponses.ok(ctx, readOrder(orderId, Auth.userId(ctx))
        .compose(order -> store.history(orderId))
        .map(events -> {
          JsonArray history = new JsonArray();
          events.forEach(event -> history.add(event.toJson()));
          return new JsonObject().put("orderId", orderId.toString()).put("events", history);
        }));
  }

  private void cancel(RoutingContext ctx) {
    UUID orderId = RequestParams.pathId(ctx, "id");
    String userId = Auth.userId(ctx);
    cancellation.cancel(orderId, userId)
        .onSuccess(order -> sagaTrigger.accept(orderId))
        .compose(order -> readOrder(orderId, userId))
        .onSuccess(order -> JsonResponses.accepted(ctx, order))
        .onFailure(ctx::fail);
  }

  /** The user's order as the read model has it; a 404 problem if it has none. */
  private Future<JsonObject> readOrder(UUID orderId, String userId) {
    return readModel.find(orderId, userId).compose(found -> Problem.orNotFound(found, "No order " + orderId));
  }
}
