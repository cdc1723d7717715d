package shop.notification.store;

/** Where a notification's email is. */
public enum NotificationStatus {
  /** Waiting for the mail sender (again, after a failed attempt). */
  PENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Kept in the database only: no SMTP server is configured. */
  RECORDED,
  /** Given up after {@code mail.max-attempts}. */
  FAILED
}
