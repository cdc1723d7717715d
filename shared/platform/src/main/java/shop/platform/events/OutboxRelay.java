package shop.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the outbox to Kafka: every {@code intervalMs} it takes the oldest unpublished events, sends
 * them (idempotent producer, acks=all, keyed by aggregate id), marks them published, then republishes
 * each on the event bus at {@code events.<topic>} for clustered clients. If Kafka is down nothing is
 * marked and the same events go out on a later tick: delivery is at least once, never lost.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so events leave in the
 * order they were written even with several instances of a service.
 */
public final class OutboxRelay extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long RELAY_LOCK = 0x6f7574626f78L;

  private final Pool pool;
  private final String bootstrapServers;
  private final long intervalMs;
  private final int batchSize;
  private final MeterRegistry meters;
  private final AtomicLong backlog = new AtomicLong();
  private KafkaProducer<String, String> producer;
  private boolean relaying;
  private long lastBacklogCheck;

  public OutboxRelay(Pool pool, String bootstrapServers, long intervalMs, int batchSize, MeterRegistry meters) {
    this.pool = pool;
    this.bootstrapServers = bootstrapServers;
    this.intervalMs = intervalMs;
    this.batchSize = batchSize;
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    producer = KafkaProducer.create(vertx, Map.of(
        "bootstrap.servers", bootstrapServers,
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "acks", "all",
        "enable.idempotence", "true",
        "max.block.ms", "5000",
        "request.timeout.ms", "5000",
        "delivery.timeout.ms", "10000",
        "linger.ms", "1"));
    // A failed send also fails its future, which the relay handles by retrying the batch.
    producer.exceptionHandler(e -> log.debug("producer: {}", e.getMessage()));
    Gauge.builder("shop.outbox.backlog", backlog, AtomicLong::get)
        .description("Events written to the outbox and not yet relayed to Kafka")
        .register(meters);
    vertx.setPeriodic(intervalMs, id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return producer.close();
  }

  private void tick() {
    if (relaying) {
      return;
    }
    relaying = true;
    pool.withTransaction(this::relayBatch)
        .compose(relayed -> relayed < batchSize ? measureBacklog() : Future.succeededFuture())
        .onFailure(e -> log.warn("outbox relay failed, will retry: {}", e.getMessage()))
        .onComplete(done -> relaying = false);
  }

  /** Relays one batch inside a transaction; returns how many events went out. */
  private Future<Integer> relayBatch(SqlConnection tx) {
    return tx.query("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ") AS locked").execute()
        .compose(lock -> !lock.iterator().next().getBoolean("locked")
            ? Future.succeededFuture(0)
            : tx.preparedQuery("SELECT position, topic, aggregate_id, envelope FROM outbox "
                    + "WHERE published_at IS NULL ORDER BY position LIMIT $1")
                .execute(Tuple.of(batchSize))
                .compose(rows -> send(rows).compose(positions -> markPublished(tx, positions))
                    .onSuccess(v -> republish(rows))
                    .map(rows.size())));
  }

  private Future<List<Long>> send(RowSet<Row> rows) {
    List<Future<?>> acks = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    for (Row row : rows) {
      positions.add(row.getLong("position"));
      JsonObject envelope = (JsonObject) row.getValue("envelope");
      KafkaProducerRecord<String, String> record = KafkaProducerRecord
          .create(row.getString("topic"), row.getString("aggregate_id"), envelope.encode())
          .addHeader("event-type", envelope.getString("type"));
      // The event's trace continues on Kafka under the standard W3C header names.
      envelope.getJsonObject("traceContext", new JsonObject())
          .forEach(header -> record.addHeader(header.getKey(), String.valueOf(header.getValue())));
      acks.add(producer.send(record));
    }
    return Future.all(acks).map(positions);
  }

  private static Future<Void> markPublished(SqlConnection tx, List<Long> positions) {
    if (positions.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("UPDATE outbox SET published_at = now() WHERE position = ANY($1)")
        .execute(Tuple.of(positions.toArray(Long[]::new)))
        .mapEmpty();
  }

  private void republish(RowSet<Row> rows) {
    for (Row row : rows) {
      vertx.eventBus().publish("events." + row.getString("topic"), row.getValue("envelope"));
    }
  }

  private Future<Void> measureBacklog() {
    long now = System.currentTimeMillis();
    if (now - lastBacklogCheck < 5000) {
      return Future.succeededFuture();
    }
    lastBacklogCheck = now;
    return pool.query("SELECT count(*) AS backlog FROM outbox WHERE published_at IS NULL").execute()
        .onSuccess(rows -> backlog.set(rows.iterator().next().getLong("backlog")))
        .compose(v -> pool.query("DELETE FROM outbox WHERE published_at < now() - interval '1 hour'").execute())
        .mapEmpty();
  }
}
