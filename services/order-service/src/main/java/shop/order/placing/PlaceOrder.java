package shop.order.placing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import shop.contracts.inventory.OrderLine;

/** What a customer asks for: products and quantities, and where to ship them. Prices are not theirs to say. */
public record PlaceOrder(List<OrderLine> lines, String shippingAddress) {

  /** A fingerprint of the request, to tell a retry (same body) from a reuse of its Idempotency-Key. */
  public String fingerprint() {
    JsonArray items = new JsonArray();
    lines.forEach(line -> items.add(line.toJson()));
    String canonical = new JsonObject().put("items", items).put("shippingAddress", shippingAddress).encode();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
