package shop.notification.store;

import java.util.UUID;

/** A notification to store for the event {@code eventId}. */
public record NewNotification(UUID eventId, UUID userId, UUID orderId, NotificationKind kind, String recipient,
                              String subject, String body) {
}
