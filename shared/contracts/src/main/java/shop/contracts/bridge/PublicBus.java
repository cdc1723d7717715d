package shop.contracts.bridge;

/**
 * The event-bus addresses programs outside the cluster reach through the gateway's bridges (TCP and
 * SockJS), and that cluster members may use too: the one declaration of them. Every inbound message
 * carries the caller's token in an {@code authorization} header ({@code Bearer <JWT>}).
 */
public final class PublicBus {

  /** Request: {@code {"page","size"}} (optional); reply: the product page {@code GET /api/v1/products} gives. */
  public static final String PRODUCTS_LIST = "shop.products.list";
  /**
   * Request: {@code {"idempotencyKey","items":[{"productId","quantity"}],"shippingAddress"}}; reply: the
   * accepted order {@code POST /api/v1/orders} gives.
   */
  public static final String ORDERS_PLACE = "shop.orders.place";
  /** Request: {@code {"orderId"}}; reply: the order {@code GET /api/v1/orders/{id}} gives. */
  public static final String ORDERS_GET = "shop.orders.get";
  /** Every order's {@link OrderStatusChange}s, as order-service publishes them; admins only through a bridge. */
  public static final String ORDER_STATUS = "shop.orders.status";
  /** Every circuit breaker's {@link BreakerStateChange}s; admins only through a bridge. */
  public static final String BREAKERS = "shop.breakers";
  /** Every service's instances and their health in Consul ({@link ServicesHealth}), every 2 s; admins only. */
  public static final String OPS_SERVICES = "shop.ops.services";
  /** Orders a second, saga latency and breaker states ({@link ShopMetrics}), every 5 s; admins only. */
  public static final String OPS_METRICS = "shop.ops.metrics";
  /** Every event on the shop's Kafka topics as it passes ({@link TopicEvent}); admins only. */
  public static final String OPS_EVENTS = "shop.ops.events";
  /** The header that carries the caller's bearer token. */
  public static final String AUTHORIZATION = "authorization";

  private PublicBus() {
  }

  /** One customer's {@link OrderStatusChange}s: only that customer may listen here through a bridge. */
  public static String orderStatusOf(String userId) {
    return ORDER_STATUS + "." + userId;
  }
}
