package shop.notification.inbox;

import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import shop.notification.store.Notification;
import shop.notification.store.NotificationRepository;
import shop.platform.http.PageRequest;
import shop.platform.http.RequestParams;
import shop.platform.security.Auth;

/** {@code GET /notifications?page=&size=}: the caller's own notifications, newest first. */
public final class NotificationRoutes {

  private final NotificationRepository notifications;
  private final JWTAuth jwt;

  public NotificationRoutes(NotificationRepository notifications, JWTAuth jwt) {
    this.notifications = notifications;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    api.route("/notifications").handler(JWTAuthHandler.create(jwt));
    api.get("/notifications").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    PageRequest page = RequestParams.page(ctx);
    notifications.listForUser(Auth.userUuid(ctx), page)
        .map(found -> page.toJson(found.stream().map(Notification::toJson).toList()))
        .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json.encode()))
        .onFailure(ctx::fail);
  }
}
