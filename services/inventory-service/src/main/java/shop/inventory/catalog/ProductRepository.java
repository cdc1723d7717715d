package shop.inventory.catalog;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import shop.platform.http.PageRequest;

/** The {@code products} table, outside of reservations (those change units in {@code shop.inventory.stock}). */
public final class ProductRepository {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String INSERT = "INSERT INTO products (id, sku, name, price_minor, currency, stock) "
      + "VALUES ($1, $2, $3, $4, $5, $6)";

  private final Pool pool;

  public ProductRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts a product; fails with {@link SkuTaken} if another product has the sku. */
  public Future<Product> insert(String sku, String name, long priceMinor, String currency, int stock) {
    return pool.preparedQuery(INSERT + " RETURNING " + Product.COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), sku, name, priceMinor, currency, stock))
        .recover(e -> Future.failedFuture(isUniqueViolation(e) ? new SkuTaken(sku) : e))
        .map(rows -> Product.from(rows.iterator().next()));
  }

  /** Inserts the products whose id and sku are both new; leaves the others as they are. */
  public Future<Void> insertIfAbsent(List<Product> products) {
    return pool.preparedQuery(INSERT + " ON CONFLICT DO NOTHING")
        .executeBatch(products.stream()
            .map(p -> Tuple.of(p.id(), p.sku(), p.name(), p.priceMinor(), p.currency(), p.stock()))
            .toList())
        .mapEmpty();
  }

  /** One page of the catalog, ordered by sku. */
  public Future<List<Product>> list(PageRequest page) {
    return pool.preparedQuery("SELECT " + Product.COLUMNS + " FROM products ORDER BY sku LIMIT $1 OFFSET $2")
        .execute(Tuple.of(page.limit(), page.offset()))
        .map(ProductRepository::all);
  }

  /** One page of the products whose name or sku contains {@code text}, ignoring case, ordered by sku. */
  public Future<List<Product>> search(String text, PageRequest page) {
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return pool.preparedQuery("SELECT " + Product.COLUMNS + " FROM products WHERE name ILIKE $1 OR sku ILIKE $1 "
            + "ORDER BY sku LIMIT $2 OFFSET $3")
        .execute(Tuple.of(pattern, page.limit(), page.offset()))
        .map(ProductRepository::all);
  }

  public Future<Optional<Product>> find(UUID id) {
    return pool.preparedQuery("SELECT " + Product.COLUMNS + " FROM products WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  /** The products with these ids that exist, by id. */
  public Future<Map<UUID, Product>> findAll(Collection<UUID> ids) {
    return pool.preparedQuery("SELECT " + Product.COLUMNS + " FROM products WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(rows -> all(rows).stream().collect(Collectors.toMap(Product::id, Function.identity())));
  }

  /** Sets the units available for sale; reserved and sold units stay as they are. Empty if there is no such product. */
  public Future<Optional<Product>> setStock(UUID id, int stock) {
    return pool.preparedQuery("UPDATE products SET stock = $2, updated_at = now() WHERE id = $1 RETURNING "
            + Product.COLUMNS)
        .execute(Tuple.of(id, stock))
        .map(rows -> all(rows).stream().findFirst());
  }

  private static List<Product> all(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(Product::from).toList();
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** Another product already has this sku. */
  public static final class SkuTaken extends RuntimeException {
    public SkuTaken(String sku) {
      super("A product with the sku " + sku + " already exists", null, false, false);
    }
  }
}
