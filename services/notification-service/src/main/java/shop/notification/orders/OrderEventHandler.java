package shop.notification.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.notification.orders.OrderEmails.Email;
import shop.notification.store.NewNotification;
import shop.notification.store.NotificationCounter;
import shop.notification.store.NotificationKind;
import shop.notification.store.NotificationRepository;
import shop.notification.store.NotificationStatus;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;

/**
 * Order-service's events on topic {@code orders}: each {@code order.confirmed} and
 * {@code order.cancelled} becomes one notification, stored in the consumer's transaction (the one
 * that marks the event processed). Other event types are not for customers.
 */
public final class OrderEventHandler implements EventHandler {

  public static final String TOPIC = "orders";

  private static final Logger log = LoggerFactory.getLogger(OrderEventHandler.class);

  private final NotificationRepository notifications;
  private final NotificationCounter counter;
  private final NotificationStatus initialStatus;

  /**
   * @param delivering whether a mail sender runs: its notifications start {@code PENDING}, otherwise
   *     they are only {@code RECORDED}
   */
  public OrderEventHandler(NotificationRepository notifications, NotificationCounter counter, boolean delivering) {
    this.notifications = notifications;
    this.counter = counter;
    this.initialStatus = delivering ? NotificationStatus.PENDING : NotificationStatus.RECORDED;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    Optional<NewNotification> notification;
    try {
      notification = notificationFor(event);
    } catch (IllegalArgumentException | ClassCastException e) {
      // Retrying cannot fix a malformed event, and would hold back every later event of its partition.
      log.error("skipping {} event {}: {}", event.type(), event.id(), e.getMessage());
      return Future.succeededFuture();
    }
    if (notification.isEmpty()) {
      return Future.succeededFuture();
    }
    NewNotification toStore = notification.get();
    return notifications.insert(tx, toStore, initialStatus).map(inserted -> {
      if (inserted) {
        counter.countOnCommit(tx, toStore.kind(), initialStatus);
      }
      return null;
    });
  }

  /** The notification an event calls for, if any; {@link IllegalArgumentException} if its data is malformed. */
  @Override
  public boolean wants(EventEnvelope event) {
    return event.type().equals("order.confirmed") || event.type().equals("order.cancelled");
  }

  static Optional<NewNotification> notificationFor(EventEnvelope event) {
    JsonObject data = event.data();
    return switch (event.type()) {
      case "order.confirmed" -> {
        UUID orderId = uuid(data, "orderId");
        Email email = OrderEmails.confirmed(orderId, required(data.getLong("totalMinor"), "totalMinor"),
            text(data, "currency"));
        yield Optional.of(notification(event, orderId, NotificationKind.ORDER_CONFIRMED, email));
      }
      case "order.cancelled" -> {
        UUID orderId = uuid(data, "orderId");
        Email email = OrderEmails.cancelled(orderId, data.getString("reason"));
        yield Optional.of(notification(event, orderId, NotificationKind.ORDER_CANCELLED, email));
      }
      default -> Optional.empty();
    };
  }

  private static NewNotification notification(EventEnvelope event, UUID orderId, NotificationKind kind, Email email) {
    JsonObject data = event.data();
    return new NewNotification(event.id(), uuid(data, "userId"), orderId, kind, text(data, "email"),
        email.subject(), email.body());
  }

  private static UUID uuid(JsonObject data, String field) {
    return UUID.fromString(text(data, field));
  }

  private static String text(JsonObject data, String field) {
    String value = required(data.getString(field), field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }
}
