package shop.order.domain;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** One fact in an order's stream, at a version: the (orderId, version) pair is unique. */
public record OrderEvent(UUID orderId, int version, String type, JsonObject data, Instant occurredAt) {

  public static final String PLACED = "OrderPlaced";
  public static final String USER_VALIDATED = "UserValidated";
  public static final String STOCK_RESERVED = "StockReserved";
  public static final String PAYMENT_PENDING = "PaymentPending";
  public static final String PAYMENT_CAPTURED = "PaymentCaptured";
  public static final String SHIPMENT_CREATED = "ShipmentCreated";
  /**
   * Choreography only: inventory sold the reserved stock. The participants' events reach
   * order-service on three topics, in any order, so the order is confirmed once this and every
   * earlier step's event are recorded, whichever came last.
   */
  public static final String STOCK_COMMITTED = "StockCommitted";
  public static final String CONFIRMED = "OrderConfirmed";
  /** A step failed or the customer cancelled: the saga now compensates the steps that were done. */
  public static final String FAILED = "OrderFailed";
  public static final String SHIPMENT_CANCELLED = "ShipmentCancelled";
  public static final String PAYMENT_REFUNDED = "PaymentRefunded";
  public static final String STOCK_RELEASED = "StockReleased";
  public static final String CANCELLED = "OrderCancelled";
  /** Choreography only: the participants are asked to undo whatever they did for the order. */
  public static final String COMPENSATION_REQUESTED = "CompensationRequested";

  public JsonObject toJson() {
    return new JsonObject().put("version", version).put("type", type).put("occurredAt", occurredAt.toString())
        .put("data", data);
  }
}
