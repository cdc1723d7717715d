package shop.inventory.stock;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Units of one product held for an order. */
record StockLine(UUID productId, int quantity) {

  JsonObject toJson() {
    return new JsonObject().put("productId", productId.toString()).put("quantity", quantity);
  }

  static JsonArray toJson(List<StockLine> lines) {
    return new JsonArray(lines.stream().map(StockLine::toJson).toList());
  }
}
