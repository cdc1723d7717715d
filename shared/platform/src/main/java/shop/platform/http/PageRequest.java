package shop.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: query {@link #limit()} rows from {@link #offset()} (one more than the page
 * holds, to know whether another page follows) and answer with {@link #toJson}. Every list of the
 * API pages alike, within the bounds below ({@code ?page=&size=}, read by {@link RequestParams#page}).
 */
public record PageRequest(int page, int size) {

  /** The rows of a page when the client does not say. */
  public static final int DEFAULT_SIZE = 20;
  /** The most rows a page holds: a client that wants more asks for the next page. */
  public static final int MAX_SIZE = 100;
  /** The last page a client may ask for (pages count from 0). */
  public static final int MAX_PAGE = 1_000_000;

  public int offset() {
    return page * size;
  }

  public int limit() {
    return size + 1;
  }

  /** {@code {"items": [...], "page": n, "size": n, "hasMore": bool}} from up to {@link #limit()} rows. */
  public JsonObject toJson(List<JsonObject> rows) {
    boolean hasMore = rows.size() > size;
    return new JsonObject()
        .put("items", new JsonArray(List.copyOf(hasMore ? rows.subList(0, size) : rows)))
        .put("page", page)
        .put("size", size)
        .put("hasMore", hasMore);
  }

  /** Like {@link #toJson(List)}, for rows that each become an item through {@code item}. */
  public <T> JsonObject toJson(List<T> rows, Function<? super T, JsonObject> item) {
    return toJson(rows.stream().<JsonObject>map(item).toList());
  }
}
