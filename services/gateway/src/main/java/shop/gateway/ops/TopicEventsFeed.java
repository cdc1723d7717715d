package shop.gateway.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.contracts.bridge.PublicBus;
import shop.contracts.bridge.TopicEvent;
import shop.contracts.events.Topic;
import shop.platform.events.EventEnvelope;

/**
 * Publishes {@link PublicBus#OPS_EVENTS}: every event on the shop's topics from now on, as it passes.
 * A watcher, not a participant: its consumer group is this gateway's alone, starts at the end of each
 * partition and commits nothing (Kafka drops such a group once it is empty), so it never holds back
 * or replays anyone else's events.
 */
public final class TopicEventsFeed {

  private static final Logger log = LoggerFactory.getLogger(TopicEventsFeed.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private TopicEventsFeed() {
  }

  public static Future<Void> start(Vertx vertx, String bootstrapServers, String instanceId) {
    KafkaConsumer<String, String> consumer = KafkaConsumer.create(vertx, Map.of(
        "bootstrap.servers", bootstrapServers,
        // A group of its own per start: a restarted gateway need not wait for its last run's member to time out.
        "group.id", "ops-feed-" + instanceId + "-" + UUID.randomUUID(),
        "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "enable.auto.commit", "false",
        "auto.offset.reset", "latest"));
    consumer.handler(record -> vertx.eventBus().publish(PublicBus.OPS_EVENTS, toJson(record), LOCAL));
    consumer.exceptionHandler(e -> log.warn("the events feed cannot read Kafka: {}", e.getMessage()));
    return consumer.subscribe(Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet()));
  }

  static JsonObject toJson(KafkaConsumerRecord<String, String> record) {
    String type;
    Instant at;
    JsonObject payload;
    try {
      EventEnvelope event = EventEnvelope.fromJson(new JsonObject(record.value()));
      type = event.type();
      at = event.occurredAt();
      payload = event.data();
    } catch (RuntimeException notAnEvent) {
      type = "(not an event envelope)";
      at = Instant.ofEpochMilli(record.timestamp());
      payload = new JsonObject();
    }
    return new TopicEvent(record.topic(), record.partition(), record.offset(), record.key(), type, at, payload)
        .toJson();
  }
}
