package shop.testing;

import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import shop.platform.events.EventEnvelope;
import shop.platform.events.KafkaTopics;
import shop.platform.resilience.StartupRetry;

/**
 * Publishes events to the test Kafka as a producing service's outbox relay does (keyed by aggregate
 * id, acks=all), so a test can play the part of a service that is not running.
 */
public final class EventPublisher implements AutoCloseable {

  private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaProducer<String, String> producer;

  private EventPublisher(KafkaProducer<String, String> producer) {
    this.producer = producer;
  }

  /** A publisher to the topics, created first if they do not exist yet (their owners may not have run). */
  public static EventPublisher to(Vertx vertx, List<String> topics) {
    KafkaTopics.ensure(vertx, TestInfra.kafkaBootstrapServers(), topics,
        StartupRetry.until(System.nanoTime() + TOPICS_TIMEOUT.toNanos(), vertx)).await();
    return new EventPublisher(KafkaProducer.create(vertx, Map.of(
        "bootstrap.servers", TestInfra.kafkaBootstrapServers(),
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "acks", "all")));
  }

  /** Sends the event, keyed by its aggregate id, and waits for Kafka's acknowledgement. */
  public void publish(String topic, EventEnvelope event) {
    publish(topic, event.aggregateId(), event);
  }

  /** Sends the event under another key (to put it on the partition of that key) and waits for the acknowledgement. */
  public void publish(String topic, String key, EventEnvelope event) {
    producer.send(KafkaProducerRecord.create(topic, key, event.toJson().encode())).await();
  }

  @Override
  public void close() {
    producer.close().await();
  }
}
