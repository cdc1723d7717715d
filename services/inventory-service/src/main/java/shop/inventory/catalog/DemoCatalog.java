package shop.inventory.catalog;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * A few products to try the shop with. Their ids and skus are fixed and existing rows are left
 * alone, so restarting (or running several instances) changes nothing.
 */
public final class DemoCatalog {

  static final List<Product> PRODUCTS = List.of(
      demo("3f1b2c4d-0001-4a6e-9b1f-5d2c7e8a9b01", "DEMO-MUG", "Shop mug", 1290),
      demo("3f1b2c4d-0002-4a6e-9b1f-5d2c7e8a9b02", "DEMO-TSHIRT", "Shop T-shirt", 2490),
      demo("3f1b2c4d-0003-4a6e-9b1f-5d2c7e8a9b03", "DEMO-HOODIE", "Shop hoodie", 5990),
      demo("3f1b2c4d-0004-4a6e-9b1f-5d2c7e8a9b04", "DEMO-CAP", "Shop cap", 1990),
      demo("3f1b2c4d-0005-4a6e-9b1f-5d2c7e8a9b05", "DEMO-NOTEBOOK", "Shop notebook", 890),
      demo("3f1b2c4d-0006-4a6e-9b1f-5d2c7e8a9b06", "DEMO-STICKERS", "Shop sticker pack", 390));

  private DemoCatalog() {
  }

  public static Future<Void> seed(ProductRepository products) {
    return products.insertIfAbsent(PRODUCTS);
  }

  private static Product demo(String id, String sku, String name, long priceMinor) {
    return new Product(UUID.fromString(id), sku, name, priceMinor, "EUR", 100, 0, 0);
  }
}
