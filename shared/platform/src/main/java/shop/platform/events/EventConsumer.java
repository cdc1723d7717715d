package shop.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.tracing.Tracing;

/**
 * An idempotent Kafka consumer: each event's id is stored in {@code processed_events} in the same
 * transaction as its effect, so an event delivered twice (a redelivery after a crash, a rebalance,
 * a relay retry) takes effect once. Offsets are committed only after the effect is committed; a
 * failing event is retried after a pause, holding back its partition, and never skipped.
 *
 * <p>A poll's records are applied together, in one transaction: one statement records every id
 * and tells which are new, the handler applies the new ones in order, and one commit makes them
 * all durable. If that transaction fails, the batch is applied again one event per transaction,
 * so the events before the failing one take effect and only its partition is held back.
 */
public final class EventConsumer extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(250);
  private static final long RETRY_DELAY_MS = 1000;

  private final Pool pool;
  private final String name;
  private final List<String> topics;
  private final String bootstrapServers;
  private final EventHandler handler;
  private final MeterRegistry meters;
  private final Tracer tracer;
  private KafkaConsumer<String, String> consumer;
  private KafkaClientMetrics clientMetrics;
  private volatile boolean stopping;

  /**
   * @param name the consumer group, and the key its processed event ids are stored under
   * @param tracer handles each event in a span of the trace the event carries
   */
  public EventConsumer(Pool pool, String name, List<String> topics, String bootstrapServers, EventHandler handler,
      MeterRegistry meters, Tracer tracer) {
    this.pool = pool;
    this.name = name;
    this.topics = List.copyOf(topics);
    this.bootstrapServers = bootstrapServers;
    this.handler = handler;
    this.meters = meters;
    this.tracer = tracer;
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, Map.of(
        "bootstrap.servers", bootstrapServers,
        "group.id", name,
        "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "enable.auto.commit", "false",
        "auto.offset.reset", "earliest",
        "max.poll.records", "500"));
    clientMetrics = new KafkaClientMetrics(consumer.unwrap());
    clientMetrics.bindTo(meters);
    return consumer.subscribe(Set.copyOf(topics)).onSuccess(v -> poll());
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    clientMetrics.close();
    return consumer.close();
  }

  private void poll() {
    if (stopping) {
      return;
    }
    consumer.poll(POLL_TIMEOUT)
        .compose(this::processAll)
        .onComplete(done -> {
          if (done.failed() && !stopping) {
            log.warn("{}: {} - retrying in {} ms", name, done.cause().getMessage(), RETRY_DELAY_MS);
            vertx.setTimer(RETRY_DELAY_MS, id -> poll());
          } else {
            poll();
          }
        });
  }

  /** Applies a poll's records in one transaction; on a failure, falls back to one transaction per record. */
  private Future<Void> processAll(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    List<KafkaConsumerRecord<String, String>> all = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      all.add(records.recordAt(i));
    }
    List<EventEnvelope> events = all.stream().map(this::parse).filter(Objects::nonNull).filter(handler::wants).toList();
    // On a context of its own, the transaction's connection calls back there only: each event's span can be current.
    Future<Void> applied = events.isEmpty() ? Future.succeededFuture()
        : Tracing.onOwnContext(() -> pool.withTransaction(tx -> applyBatch(tx, events)));
    return applied
        .compose(v -> consumer.commit(nextOffsets(all)).<Void>mapEmpty())
        .recover(failure -> {
          log.info("{}: a batch of {} failed ({}); applying its events one by one", name, all.size(),
              failure.getMessage());
          return processOneByOne(all);
        });
  }

  /** Records the events' ids, then applies those seen for the first time, in order. */
  private Future<Void> applyBatch(SqlConnection tx, List<EventEnvelope> events) {
    UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
    return tx.preparedQuery("INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[]) "
            + "ON CONFLICT DO NOTHING RETURNING event_id")
        .execute(Tuple.tuple().addString(name).addArrayOfUUID(ids))
        .compose(inserted -> {
          Set<UUID> fresh = new HashSet<>();
          inserted.forEach(row -> fresh.add(row.getUUID("event_id")));
          Future<Void> chain = Future.succeededFuture();
          for (EventEnvelope event : events) {
            // remove: the same event twice in one batch takes effect once
            if (fresh.remove(event.id())) {
              chain = chain.compose(v -> Tracing.inSpanHere(tracer, spanName(event), SpanKind.CONSUMER,
                  event.traceContext(), () -> handler.handle(tx, event)));
            }
          }
          return chain;
        });
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<KafkaConsumerRecord<String, String>> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (KafkaConsumerRecord<String, String> record : records) {
      next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1, ""));
    }
    return next;
  }

  /**
   * Applies the records in order, one transaction each, and commits the offsets of those applied.
   * On a failure the partitions are rewound to their first unapplied record, so the next poll
   * delivers it again.
   */
  private Future<Void> processOneByOne(List<KafkaConsumerRecord<String, String>> records) {
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (KafkaConsumerRecord<String, String> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      firstOffsets.putIfAbsent(partition, record.offset());
      chain = chain.compose(v -> apply(record))
          .onSuccess(v -> applied.put(partition, new OffsetAndMetadata(record.offset() + 1, "")));
    }
    return chain
        .recover(failure -> rewind(firstOffsets, applied).compose(v -> Future.failedFuture(failure)))
        .eventually(() -> applied.isEmpty() ? Future.succeededFuture() : consumer.commit(applied));
  }

  private Future<Void> rewind(Map<TopicPartition, Long> firstOffsets, Map<TopicPartition, OffsetAndMetadata> applied) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<TopicPartition, Long> entry : firstOffsets.entrySet()) {
      OffsetAndMetadata done = applied.get(entry.getKey());
      long next = done == null ? entry.getValue() : done.getOffset();
      chain = chain.compose(v -> consumer.seek(entry.getKey(), next));
    }
    return chain;
  }

  private Future<Void> apply(KafkaConsumerRecord<String, String> record) {
    EventEnvelope event = parse(record);
    if (event == null || !handler.wants(event)) {
      return Future.succeededFuture();
    }
    return Tracing.inSpan(tracer, spanName(event), SpanKind.CONSUMER, event.traceContext(),
        () -> pool.withTransaction(tx -> tx
            .preparedQuery("INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(name, event.id()))
            .compose(inserted -> inserted.rowCount() == 0 ? Future.succeededFuture() : handler.handle(tx, event))));
  }

  private String spanName(EventEnvelope event) {
    return name + " " + event.type();
  }

  /** The record's event; null, logged, for a record that is not one (it is skipped: no retry could apply it). */
  private EventEnvelope parse(KafkaConsumerRecord<String, String> record) {
    try {
      return EventEnvelope.fromJson(new JsonObject(record.value()));
    } catch (RuntimeException e) {
      log.error("{}: skipping a record that is not an event ({}:{}@{}): {}", name, record.topic(),
          record.partition(), record.offset(), e.getMessage());
      return null;
    }
  }
}
