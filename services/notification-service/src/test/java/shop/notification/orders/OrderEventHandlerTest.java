package shop.notification.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.notification.store.NewNotification;
import shop.notification.store.NotificationKind;
import shop.platform.events.EventEnvelope;

class OrderEventHandlerTest {

  private final UUID orderId = UUID.randomUUID();
  private final UUID userId = UUID.randomUUID();

  @Test
  void aConfirmedOrderCallsForAConfirmationToTheOrdersEmail() {
    EventEnvelope event = event(EventType.ORDER_CONFIRMED, order().put("totalMinor", 1250).put("currency", "EUR"));

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
    EventEnvelope event = event(EventType.ORDER_CANCELLED, order().put("reason", "PAYMENT_DECLINED"));

    NewNotification notification = OrderEventHandler.notificationFor(event).orElseThrow();

    assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_CANCELLED);
    assertThat(notification.body()).contains("the payment was declined");
  }

  @Test
  void otherOrderEventsCallForNone() {
    assertThat(OrderEventHandler.notificationFor(event(EventType.ORDER_CREATED, order()))).isEmpty();
    assertThat(OrderEventHandler.notificationFor(event(EventType.ORDER_SUBMITTED, new JsonObject()))).isEmpty();
  }

  @Test
  void onlyTheOrdersOutcomesAreWanted() {
    OrderEventHandler handler = new OrderEventHandler(null, null, false);

    assertThat(handler.wants(event(EventType.ORDER_CONFIRMED, order()))).isTrue();
    assertThat(handler.wants(event(EventType.ORDER_CANCELLED, order()))).isTrue();
    assertThat(handler.wants(event(EventType.ORDER_CREATED, order()))).isFalse();
    assertThat(handler.wants(event(EventType.ORDER_SUBMITTED, new JsonObject().put("order", order())))).isFalse();
  }

  @Test
  void malformedDataIsRejected() {
    EventEnvelope blankEmail = event(EventType.ORDER_CANCELLED, order().put("email", " "));
    EventEnvelope badUser = event(EventType.ORDER_CANCELLED, order().put("userId", "x"));
    EventEnvelope noTotal = event(EventType.ORDER_CONFIRMED, order().put("currency", "EUR"));

    assertThatThrownBy(() -> OrderEventHandler.notificationFor(blankEmail))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    assertThatThrownBy(() -> OrderEventHandler.notificationFor(badUser))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderEventHandler.notificationFor(noTotal))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalMinor");
  }

  private JsonObject order() {
    return new JsonObject().put("orderId", orderId.toString()).put("userId", userId.toString())
        .put("email", "ann@example.com");
  }

  private EventEnvelope event(EventType type, JsonObject data) {
    return EventEnvelope.of(type, orderId.toString(), data);
  }
}
