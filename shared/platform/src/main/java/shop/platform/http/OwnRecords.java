package shop.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The routes of a collection whose records each belong to one user, who alone may read them (the
 * caller's payments, shipments, notifications): {@code GET <path>?page=&size=} lists a page of the
 * caller's records, {@code GET <path>/{id}} answers one, 404 when it is unknown or someone else's.
 * Everything under the path needs a bearer token, whose subject is the caller.
 *
 * <pre>{@code
 * OwnRecords.mount(api, jwt, "/payments", Payment::toJson)
 *     .listFilteredBy("orderId", payments::listByUser)
 *     .get("payment", payments::findByIdAndUser);
 * }</pre>
 */
public final class OwnRecords<T> {

  /** A page of the user's records. */
  @FunctionalInterface
  public interface Pages<T> {
    Future<List<T>> list(UUID userId, PageRequest page);
  }

  /** A page of the user's records, only those that match the filter unless it is null. */
  @FunctionalInterface
  public interface FilteredPages<T> {
    Future<List<T>> list(UUID userId, UUID filter, PageRequest page);
  }

  /** The record with this id, if it is the user's. */
  @FunctionalInterface
  public interface Lookup<T> {
    Future<Optional<T>> find(UUID id, UUID userId);
  }

  private final Router api;
  private final String path;
  private final Function<T, JsonObject> toJson;

  private OwnRecords(Router api, String path, Function<T, JsonObject> toJson) {
    this.api = api;
    this.path = path;
    this.toJson = toJson;
  }

  /** Requires a bearer token that {@code jwt} verifies for {@code path} and everything under it. */
  public static <T> OwnRecords<T> mount(Router api, JWTAuth jwt, String path, Function<T, JsonObject> toJson) {
    api.route(path + "/*").handler(JWTAuthHandler.create(jwt));
    return new OwnRecords<>(api, path, toJson);
  }

  /** {@code GET <path>?page=&size=}: a page of the caller's records. */
  public OwnRecords<T> list(Pages<T> pages) {
    api.get(path).handler(ctx -> respondWithPage(ctx, page -> pages.list(Auth.userUuid(ctx), page)));
    return this;
  }

  /** Like {@link #list}, with an optional UUID query parameter that narrows the list; 400 if it is not a UUID. */
  public OwnRecords<T> listFilteredBy(String parameter, FilteredPages<T> pages) {
    api.get(path).handler(ctx -> {
      UUID filter = ctx.queryParams().contains(parameter) ? RequestParams.requiredUuid(ctx, parameter) : null;
      respondWithPage(ctx, page -> pages.list(Auth.userUuid(ctx), filter, page));
    });
    return this;
  }

  /** {@code GET <path>/{id}}: one of the caller's records; otherwise a 404 "No {@code noun} {id}". */
  public OwnRecords<T> get(String noun, Lookup<T> lookup) {
    api.get(path + "/:id").handler(ctx -> {
      UUID id = RequestParams.pathId(ctx, "id");
      JsonResponses.ok(ctx, lookup.find(id, Auth.userUuid(ctx))
          .compose(found -> Problem.orNotFound(found, "No " + noun + " " + id))
          .map(toJson));
    });
    return this;
  }

  private void respondWithPage(RoutingContext ctx, Function<PageRequest, Future<List<T>>> rows) {
    PageRequest page = RequestParams.page(ctx);
    JsonResponses.ok(ctx, rows.apply(page).map(found -> page.toJson(found, toJson)));
  }
}
