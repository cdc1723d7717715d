package shop.contracts.inventory;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** The stock held for an order: {@code RESERVED}, {@code COMMITTED} (sold), {@code RELEASED} or {@code NONE}. */
@DataObject
public final class Reservation {

  public static final String RESERVED = "RESERVED";
  public static final String COMMITTED = "COMMITTED";
  public static final String RELEASED = "RELEASED";
  public static final String NONE = "NONE";

  private final String orderId;
  private final String status;

  public Reservation(String orderId, String status) {
    this.orderId = orderId;
    this.status = status;
  }

  public Reservation(JsonObject json) {
    this(json.getString("orderId"), json.getString("status"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("status", status);
  }

  public String getOrderId() {
    return orderId;
  }

  public String getStatus() {
    return status;
  }
}
