package shop.notification.store;

/** What a notification tells the customer. */
public enum NotificationKind {
  ORDER_CONFIRMED,
  ORDER_CANCELLED
}
