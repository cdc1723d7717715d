package shop.notification;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import shop.contracts.events.EventType;
import shop.platform.events.EventEnvelope;
import shop.testing.EventPublisher;

/** Publishes order events to Kafka topic {@code orders} as order-service would: keyed by order id. */
final class OrdersTopic implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final EventPublisher publisher = EventPublisher.to(vertx, List.of("orders"));

  static EventEnvelope created(String orderId, String userId) {
    return EventEnvelope.of(EventType.ORDER_CREATED, orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("totalMinor", 1250).put("currency", "EUR"));
  }

  static EventEnvelope confirmed(String orderId, String userId, String email, long totalMinor, String currency) {
    return EventEnvelope.of(EventType.ORDER_CONFIRMED, orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("email", email)
        .put("totalMinor", totalMinor).put("currency", currency));
  }

  static EventEnvelope cancelled(String orderId, String userId, String email, String reason) {
    return EventEnvelope.of(EventType.ORDER_CANCELLED, orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("email", email).put("reason", reason));
  }

  /** Sends the event and waits for Kafka's acknowledgement. */
  void publish(EventEnvelope event) {
    publisher.publish("orders", event);
  }

  @Override
  public void close() {
    publisher.close();
    vertx.close().await();
  }
}
