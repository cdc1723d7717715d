package shop.contracts.shipping;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/**
 * An order's shipment: {@code CREATED} with a tracking number, {@code REJECTED} with a reason,
 * {@code CANCELLED}, or {@code NONE}.
 */
@DataObject
public final class Shipment {

  public static final String CREATED = "CREATED";
  public static final String REJECTED = "REJECTED";
  public static final String CANCELLED = "CANCELLED";
  public static final String NONE = "NONE";

  private final String shipmentId;
  private final String orderId;
  private final String status;
  private final String trackingNumber;
  private final String reason;

  public Shipment(String shipmentId, String orderId, String status, String trackingNumber, String reason) {
    this.shipmentId = shipmentId;
    this.orderId = orderId;
    this.status = status;
    this.trackingNumber = trackingNumber;
    this.reason = reason;
  }

  public Shipment(JsonObject json) {
    this(json.getString("shipmentId"), json.getString("orderId"), json.getString("status"),
        json.getString("trackingNumber"), json.getString("reason"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("shipmentId", shipmentId).put("orderId", orderId).put("status", status)
        .put("trackingNumber", trackingNumber).put("reason", reason);
  }

  public String getShipmentId() {
    return shipmentId;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getStatus() {
    return status;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public String getReason() {
    return reason;
  }
}
