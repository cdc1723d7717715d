package shop.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One page of a list: query {@link #limit()} rows from {@link #offset()} (one more than the page
 * holds, to know whether another page follows) and answer with {@link #toJson}.
 */
public record PageRequest(int page, int size) {

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
}
