package shop.inventory.catalog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import shop.platform.http.Auth;
import shop.platform.http.JsonRequest;
import shop.platform.http.JsonResponses;
import shop.platform.http.PageRequest;
import shop.platform.http.Problem.FieldError;
import shop.platform.http.Problem;
import shop.platform.http.RequestParams;

/**
 * {@code GET /products}, {@code GET /products/{id}} (public) and, for admins, {@code POST /products}
 * and {@code PUT /products/{id}/stock}.
 */
public final class CatalogRoutes {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_SKU_LENGTH = 64;
  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_QUERY_LENGTH = 100;
  // Bounds that keep order totals (price x quantity, summed) and unit counts far from overflowing.
  private static final long MAX_PRICE_MINOR = 1_000_000_000L;
  private static final int MAX_STOCK = 1_000_000_000;

  private final ProductRepository products;
  private final JWTAuth jwt;

  public CatalogRoutes(ProductRepository products, JWTAuth jwt) {
    this.products = products;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    JWTAuthHandler authenticated = JWTAuthHandler.create(jwt);
    api.get("/products").handler(this::list);
    api.get("/products/:id").handler(this::get);
    api.post("/products").handler(authenticated).handler(Auth.requireRole(Auth.ADMIN)).handler(this::create);
    api.put("/products/:id/stock").handler(authenticated).handler(Auth.requireRole(Auth.ADMIN))
        .handler(this::setStock);
  }

  /** The catalog, or with {@code q} the products whose name or sku contains it. */
  private void list(RoutingContext ctx) {
    PageRequest page = RequestParams.page(ctx);
    String query = ctx.request().getParam("q");
    if (query != null && (query.isEmpty() || query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH)) {
      throw Problem.invalidFields(List.of(new FieldError("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters")));
    }
    Future<List<Product>> found = query == null ? products.list(page) : products.search(query, page);
    JsonResponses.ok(ctx, found.map(list -> page.toJson(list, Product::toJson)));
  }

  private void get(RoutingContext ctx) {
    JsonResponses.ok(ctx, products.find(RequestParams.pathId(ctx, "id")).compose(found -> asJson(ctx, found)));
  }

  private void create(RoutingContext ctx) {
    JsonRequest request = JsonRequest.of(ctx);
    String sku = request.requiredString("sku", MAX_SKU_LENGTH);
    String name = request.requiredString("name", MAX_NAME_LENGTH);
    Long priceMinor = request.requiredLong("priceMinor", 0, MAX_PRICE_MINOR);
    String currency = request.requiredString("currency", 3);
    Integer stock = request.requiredInt("stock", 0, MAX_STOCK);
    request.validate();
    if (!CURRENCY.matcher(currency).matches()) {
      throw Problem.invalidFields(List.of(new FieldError("currency", "must be an ISO 4217 code: 3 uppercase letters")));
    }
    products.insert(sku, name, priceMinor, currency, stock)
        .onSuccess(product -> JsonResponses.created(ctx, "/api/v1/products/" + product.id(), product.toJson()))
        .onFailure(e -> ctx.fail(e instanceof ProductRepository.SkuTaken ? Problem.conflict(e.getMessage()) : e));
  }

  private void setStock(RoutingContext ctx) {
    UUID id = RequestParams.pathId(ctx, "id");
    JsonRequest request = JsonRequest.of(ctx);
    Integer stock = request.requiredInt("stock", 0, MAX_STOCK);
    request.validate();
    JsonResponses.ok(ctx, products.setStock(id, stock).compose(updated -> asJson(ctx, updated)));
  }

  private static Future<JsonObject> asJson(RoutingContext ctx, Optional<Product> product) {
    return Problem.orNotFound(product, "No product " + ctx.pathParam("id")).map(Product::toJson);
  }
}
