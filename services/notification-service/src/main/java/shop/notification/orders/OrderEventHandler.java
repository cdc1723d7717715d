package shop.notification.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.events.EventType;
import shop.contracts.events.OrderCancelled;
import shop.contracts.events.OrderConfirmed;
import shop.contracts.events.Topic;
import shop.notification.orders.OrderEmails.Email;
import shop.notification.store.NewNotification;
import shop.notification.store.NotificationCounter;
import shop.notification.store.NotificationKind;
import shop.notification.store.NotificationRepository;
import shop.notification.store.NotificationStatus;
import shop.platform.events.EventEnvelope;
import shop.platform.events.EventHandler;

/**
 * Order-service's outcomes: each {@code order.confirmed} and {@code order.cancelled} becomes one
 * notification, stored in the consumer's transaction (the one that marks the event processed).
 * Other event types are not for customers.
 */
public final class OrderEventHandler implements EventHandler {

  public static final Set<EventType> REACTS_TO = Set.of(EventType.ORDER_CONFIRMED, EventType.ORDER_CANCELLED);
  /** The topics whose events this reacts to. */
  public static final List<String> TOPICS = Topic.namesOf(REACTS_TO);

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
  public boolean wants(EventEnvelope event) {
    return REACTS_TO.stream().anyMatch(event::is);
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
  static Optional<NewNotification> notificationFor(EventEnvelope event) {
    if (event.is(EventType.ORDER_CONFIRMED)) {
      OrderConfirmed confirmed = OrderConfirmed.fromJson(event.data());
      UUID orderId = UUID.fromString(confirmed.orderId());
      Email email = OrderEmails.confirmed(orderId, confirmed.totalMinor(), confirmed.currency());
      return Optional.of(notification(event, orderId, confirmed.userId(), NotificationKind.ORDER_CONFIRMED,
          confirmed.email(), email));
    }
    if (event.is(EventType.ORDER_CANCELLED)) {
      OrderCancelled cancelled = OrderCancelled.fromJson(event.data());
      UUID orderId = UUID.fromString(cancelled.orderId());
      Email email = OrderEmails.cancelled(orderId, cancelled.reason());
      return Optional.of(notification(event, orderId, cancelled.userId(), NotificationKind.ORDER_CANCELLED,
          cancelled.email(), email));
    }
    return Optional.empty();
  }

  private static NewNotification notification(EventEnvelope event, UUID orderId, String userId, NotificationKind kind,
      String recipient, Email email) {
    return new NewNotification(event.id(), UUID.fromString(userId), orderId, kind, recipient, email.subject(),
        email.body());
  }
}
