package shop.notification.inbox;

import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import shop.notification.store.Notification;
import shop.notification.store.NotificationRepository;
import shop.platform.http.OwnRecords;

/** {@code GET /notifications?page=&size=}: the caller's own notifications, newest first. */
public final class NotificationRoutes {

  private final NotificationRepository notifications;
  private final JWTAuth jwt;

  public NotificationRoutes(NotificationRepository notifications, JWTAuth jwt) {
    this.notifications = notifications;
    this.jwt = jwt;
  }

  public void mount(Router api) {
    OwnRecords.mount(api, jwt, "/notifications", Notification::toJson).list(notifications::listForUser);
  }
}
