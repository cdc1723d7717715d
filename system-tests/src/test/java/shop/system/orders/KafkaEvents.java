package shop.system.orders;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import shop.testing.TestInfra;

/** Reads a topic from its beginning, as any consumer of the shop's events would. */
final class KafkaEvents {

  private KafkaEvents() {
  }

  /** An event as it is on Kafka: its envelope and its record headers. */
  record Received(JsonObject envelope, Map<String, String> headers) {
  }

  /** Waits for the aggregate's event of that type on the topic. */
  static Received await(String topic, String aggregateId, String type, Duration timeout) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", TestInfra.kafkaBootstrapServers(),
        "group.id", "system-test-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest",
        "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          Optional<Received> match = match(record, aggregateId, type);
          if (match.isPresent()) {
            return match.get();
          }
        }
      }
      throw new AssertionError("no " + type + " event of " + aggregateId + " on " + topic + " within " + timeout);
    }
  }

  private static Optional<Received> match(ConsumerRecord<String, String> record, String aggregateId, String type) {
    if (!aggregateId.equals(record.key())) {
      return Optional.empty();
    }
    JsonObject envelope = new JsonObject(record.value());
    if (!type.equals(envelope.getString("type"))) {
      return Optional.empty();
    }
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return Optional.of(new Received(envelope, headers));
  }
}
