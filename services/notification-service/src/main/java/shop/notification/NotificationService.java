package shop.notification;

import io.vertx.core.Future;
import io.vertx.ext.auth.jwt.JWTAuth;
import shop.notification.inbox.NotificationRoutes;
import shop.notification.mail.MailSender;
import shop.notification.mail.MailSettings;
import shop.notification.orders.OrderEventHandler;
import shop.notification.store.NotificationCounter;
import shop.notification.store.NotificationRepository;
import shop.platform.boot.ServiceContext;
import shop.platform.boot.ServiceLauncher;
import shop.platform.boot.ServiceModule;

/**
 * notification-service: one email per confirmed or cancelled order, exactly once per event. It
 * stores a notification for each such event on topic {@code orders}; with {@code mail.smtp-host}
 * set a sender sends it over SMTP, otherwise it is only recorded. Customers list theirs over HTTP.
 */
public final class NotificationService implements ServiceModule {

  private static final String CONSUMER_GROUP = "notification-service";

  public static void main(String[] args) {
    ServiceLauncher.launch(new NotificationService());
  }

  @Override
  public String name() {
    return "notification-service";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    MailSettings mail = MailSettings.from(context.config());
    NotificationCounter counter = new NotificationCounter(context.meters());
    JWTAuth jwt = context.jwtVerifier();
    return context.openDatabase().compose(pool -> {
      NotificationRepository notifications = new NotificationRepository(pool);
      Future<Void> sender = mail.delivering()
          ? context.vertx().deployVerticle(new MailSender(pool, notifications, counter, mail)).mapEmpty()
          : Future.succeededFuture();
      return sender
          .compose(v -> context.createTopics(OrderEventHandler.TOPICS))
          .compose(v -> context.consumeEvents(pool, CONSUMER_GROUP, OrderEventHandler.TOPICS,
              new OrderEventHandler(notifications, counter, mail.delivering())))
          .compose(v -> context.serveHttp((api, vertx) ->
              new NotificationRoutes(notifications, jwt).mount(api)));
    });
  }
}
