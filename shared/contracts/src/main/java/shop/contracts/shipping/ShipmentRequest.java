package shop.contracts.shipping;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** Ship an order of a user to an address. */
@DataObject
public final class ShipmentRequest {

  private final String orderId;
  private final String userId;
  private final String address;

  public ShipmentRequest(String orderId, String userId, String address) {
    this.orderId = orderId;
    this.userId = userId;
    this.address = address;
  }

  public ShipmentRequest(JsonObject json) {
    this(json.getString("orderId"), json.getString("userId"), json.getString("address"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("userId", userId).put("address", address);
  }

  public String getOrderId() {
    return orderId;
  }

  public String getUserId() {
    return userId;
  }

  public String getAddress() {
    return address;
  }
}
