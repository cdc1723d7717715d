package shop.contracts.inventory;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** A product and how many units of it. */
@DataObject
public final class OrderLine {

  private final String productId;
  private final int quantity;

  public OrderLine(String productId, int quantity) {
    this.productId = productId;
    this.quantity = quantity;
  }

  public OrderLine(JsonObject json) {
    this(json.getString("productId"), json.getInteger("quantity", 0));
  }

  public JsonObject toJson() {
    return new JsonObject().put("productId", productId).put("quantity", quantity);
  }

  public String getProductId() {
    return productId;
  }

  public int getQuantity() {
    return quantity;
  }
}
