package shop.notification;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.Map;
import shop.platform.events.EventEnvelope;
import shop.testing.TestInfra;

/** Publishes order events to Kafka topic {@code orders} as order-service would: keyed by order id. */
final class OrdersTopic implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final KafkaProducer<String, String> producer = KafkaProducer.create(vertx, Map.of(
      "bootstrap.servers", TestInfra.kafkaBootstrapServers(),
      "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
      "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
      "acks", "all"));

  static EventEnvelope created(String orderId, String userId) {
    return EventEnvelope.of("order.created", orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("totalMinor", 1250).put("currency", "EUR"));
  }

  static EventEnvelope confirmed(String orderId, String userId, String email, long totalMinor, String currency) {
    return EventEnvelope.of("order.confirmed", orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("email", email)
        .put("totalMinor", totalMinor).put("currency", currency));
  }

  static EventEnvelope cancelled(String orderId, String userId, String email, String reason) {
    return EventEnvelope.of("order.cancelled", orderId, new JsonObject()
        .put("orderId", orderId).put("userId", userId).put("email", email).put("reason", reason));
  }

  /** Sends the event and waits for Kafka's acknowledgement. */
  void publish(EventEnvelope event) {
    producer.send(KafkaProducerRecord.create("orders", event.aggregateId(), event.toJson().encode())).await();
  }

  @Override
  public void close() {
    producer.close().await();
    vertx.close().await();
  }
}
