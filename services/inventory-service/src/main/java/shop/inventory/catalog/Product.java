package shop.inventory.catalog;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.UUID;

/**
 * A product with its price (minor units of its currency) and its units: {@code stock} available,
 * {@code reserved} for orders in progress, {@code sold} to confirmed orders.
 */
public record Product(UUID id, String sku, String name, long priceMinor, String currency, int stock, int reserved,
                      int sold) {

  static final String COLUMNS = "id, sku, name, price_minor, currency, stock, reserved, sold";

  static Product from(Row row) {
    return new Product(row.getUUID("id"), row.getString("sku"), row.getString("name"), row.getLong("price_minor"),
        row.getString("currency"), row.getInteger("stock"), row.getInteger("reserved"), row.getInteger("sold"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("sku", sku)
        .put("name", name)
        .put("priceMinor", priceMinor)
        .put("currency", currency)
        .put("stock", stock)
        .put("reserved", reserved)
        .put("sold", sold);
  }
}
