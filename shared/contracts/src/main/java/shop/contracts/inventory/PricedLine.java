package shop.contracts.inventory;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** An order line with the product's name and current unit price, in minor units of its currency. */
@DataObject
public final class PricedLine {

  private final String productId;
  private final String sku;
  private final String name;
  private final int quantity;
  private final long unitPriceMinor;
  private final String currency;

  public PricedLine(String productId, String sku, String name, int quantity, long unitPriceMinor, String currency) {
    this.productId = productId;
    this.sku = sku;
    this.name = name;
    this.quantity = quantity;
    this.unitPriceMinor = unitPriceMinor;
    this.currency = currency;
  }

  public PricedLine(JsonObject json) {
    this(json.getString("productId"), json.getString("sku"), json.getString("name"), json.getInteger("quantity"),
        json.getLong("unitPriceMinor"), json.getString("currency"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("productId", productId).put("sku", sku).put("name", name)
        .put("quantity", quantity).put("unitPriceMinor", unitPriceMinor).put("currency", currency);
  }

  public String getProductId() {
    return productId;
  }

  public String getSku() {
    return sku;
  }

  public String getName() {
    return name;
  }

  public int getQuantity() {
    return quantity;
  }

  public long getUnitPriceMinor() {
    return unitPriceMinor;
  }

  public String getCurrency() {
    return currency;
  }
}
