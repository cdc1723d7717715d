package shop.notification.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.notification.store.NewNotification;
import shop.notification.store.NotificationKind;
import shop.platform.events.EventEnvelope;

class OrderEventHandlerTest {

  private final UUID orderId = UUID.randomUUID();
  private final UUID userId = UUID.randomUUID();

  @Test
  void aConfirmedOrderCallsForAConfirmationToTheOrdersEmail() {
    EventEnvelope event = event("order.confirmed", order().put("totalMinor", 1250).put("currency", "EUR"));

    NewNotification notification = OrderEventHandler.notificationFor(event).orElseThrow();

    assertThat(notification.eventId()).isEqualTo(event.id());
    assertThat(notification.userId()).isEqualTo(userId);
    assertThat(notification.orderId()).isEqualTo(orderId);
    assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_CONFIRMED);
    assertThat(notification.recipient()).isEqualTo("ann@example.com");
    assertThat(notification.body()).contains("12.50 EUR");
  }

  @Test
  void aCancelledOrderCallsForACancellation() {
    EventEnvelope event = event("order.cancelled", order().put("reason", "PAYMENT_DECLINED"));

    NewNotification notification = OrderEventHandler.notificationFor(event).orElseThrow();

    assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_CANCELLED);
    assertThat(notification.body()).contains("the payment was declined");
  }

  @Test
  void otherOrderEventsCallForNone() {
    assertThat(OrderEventHandler.notificationFor(event("order.created", order()))).isEmpty();
    assertThat(OrderEventHandler.notificationFor(event("order.submitted", new JsonObject()))).isEmpty();
  }

  @Test
  void malformedDataIsRejected() {
    assertThatThrownBy(() -> OrderEventHandler.notificationFor(event("order.cancelled", order().put("email", " "))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    assertThatThrownBy(() -> OrderEventHandler.notificationFor(event("order.cancelled", order().put("userId", "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderEventHandler.notificationFor(event("order.confirmed", order().put("currency", "EUR"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalMinor");
  }

  private JsonObject order() {
    return new JsonObject().put("orderId", orderId.toString()).put("userId", userId.toString())
        .put("email", "ann@example.com");
  }

  private EventEnvelope event(String type, JsonObject data) {
    return EventEnvelope.of(type, orderId.toString(), data);
  }
}
