package shop.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.tracing.Tracing;

/**
 * Relays the outbox to Kafka: takes the oldest unpublished events, sends them (idempotent producer,
 * acks=all, keyed by aggregate id), marks them published, then republishes each on the event bus at
 * {@code events.<topic>} for clustered clients. If Kafka is down nothing is marked and the same
 * events go out on a later round: delivery is at least once, never lost.
 *
 * <p>The relay does not poll. {@link Outbox#append} tells it, on the local event bus, when a
 * transaction that wrote events commits, and it runs a round {@code lingerMs} later: announcements
 * that arrive meanwhile, or while a round is on its way, fold into that round, so under load one
 * round (one transaction, one Kafka request) carries the events of many transactions, and at rest
 * the relay costs nothing. (A PostgreSQL NOTIFY would also reach the other
 * instances, but it serializes the commits of every notifying transaction on a server-wide lock:
 * with 8 writers on this machine's disk, 975 commits/s instead of 1,663.) A sweep every
 * {@code sweepIntervalMs} relays what no announcement covered (events of an instance that crashed
 * after its commit) and measures the backlog.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so events leave in the
 * order they were written even with several instances of a service. A relay that finds the lock
 * taken tries again shortly, so its instance's events do not wait for the sweep.
 */
public final class OutboxRelay extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long RELAY_LOCK = 0x6f7574626f78L;
  private static final long RETRY_DELAY_MS = 1000;
  private static final long LOCK_BUSY_RETRY_MS = 20;
  private static final int LOCK_BUSY = -1;

  private final Pool pool;
  private final String bootstrapServers;
  private final long sweepIntervalMs;
  private final long lingerMs;
  private final int batchSize;
  private final MeterRegistry meters;
  private final Tracer tracer;
  private final AtomicLong backlog = new AtomicLong();
  private KafkaProducer<String, String> producer;
  private boolean relaying;
  private boolean wanted;
  private boolean scheduled;

  /** @param lingerMs how long a round waits after the first announcement, for more events to join it */
  public OutboxRelay(Pool pool, String bootstrapServers, long sweepIntervalMs, long lingerMs, int batchSize,
      MeterRegistry meters, Tracer tracer) {
    this.pool = pool;
    this.tracer = tracer;
    this.lingerMs = lingerMs;
    this.bootstrapServers = bootstrapServers;
    this.sweepIntervalMs = sweepIntervalMs;
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
    vertx.setPeriodic(sweepIntervalMs, id -> sweep());
    // A first round relays what an earlier instance left unpublished.
    return vertx.eventBus().localConsumer(Outbox.COMMITTED, announced -> wake()).completion()
        .onSuccess(v -> wake());
  }

  @Override
  public Future<?> stop() {
    return producer.close();
  }

  /** Runs a round in {@code lingerMs}, or after the one on its way. */
  private void wake() {
    wanted = true;
    if (!relaying && !scheduled) {
      scheduled = true;
      vertx.setTimer(lingerMs, id -> {
        scheduled = false;
        relay();
      });
    }
  }

  private void relay() {
    relaying = true;
    wanted = false;
    pool.withTransaction(this::relayBatch).onComplete(done -> {
      relaying = false;
      if (done.failed()) {
        log.warn("outbox relay failed, will retry: {}", done.cause().getMessage());
        vertx.setTimer(RETRY_DELAY_MS, id -> wake());
      } else if (done.result() == LOCK_BUSY) {
        vertx.setTimer(LOCK_BUSY_RETRY_MS, id -> wake());
      } else if (done.result() == batchSize) {
        relay();
      } else if (wanted) {
        wake();
      }
    });
  }

  /** Relays one batch inside a transaction; returns how many events went out, or LOCK_BUSY. */
  private Future<Integer> relayBatch(SqlConnection tx) {
    return tx.query("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ") AS locked").execute()
        .compose(lock -> !lock.iterator().next().getBoolean("locked")
            ? Future.succeededFuture(LOCK_BUSY)
            // Marked first: if a send fails, the transaction rolls back and the events stay unpublished.
            : tx.preparedQuery("UPDATE outbox SET published_at = now() WHERE position IN "
                    + "(SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1) "
                    + "RETURNING position, topic, aggregate_id, envelope")
                .execute(Tuple.of(batchSize))
                .compose(rows -> {
                  List<Row> events = inPositionOrder(rows);
                  return send(events).onSuccess(v -> republish(events)).map(events.size());
                }));
  }

  private static List<Row> inPositionOrder(RowSet<Row> rows) {
    List<Row> events = new ArrayList<>(rows.rowCount());
    rows.forEach(events::add);
    events.sort(Comparator.comparingLong(row -> row.getLong("position")));
    return events;
  }

  private Future<Void> send(List<Row> events) {
    List<Future<?>> acks = new ArrayList<>(events.size());
    for (Row row : events) {
      JsonObject envelope = (JsonObject) row.getValue("envelope");
      KafkaProducerRecord<String, String> record = KafkaProducerRecord
          .create(row.getString("topic"), row.getString("aggregate_id"), envelope.encode())
          .addHeader("event-type", envelope.getString("type"));
      // The event's trace continues on Kafka, in a span of its own under the standard W3C header names.
      Span publishing = Tracing.startSpan(tracer, "publish " + record.topic(), SpanKind.PRODUCER,
          envelope.getJsonObject("traceContext", new JsonObject()));
      Tracing.headersOf(publishing).forEach(header -> record.addHeader(header.getKey(), (String) header.getValue()));
      acks.add(producer.send(record).onComplete(sent -> publishing.end()));
    }
    return Future.all(acks).mapEmpty();
  }

  private void republish(List<Row> events) {
    for (Row row : events) {
      vertx.eventBus().publish("events." + row.getString("topic"), row.getValue("envelope"));
    }
  }

  /** Relays anything left unannounced, measures the backlog and drops events published over an hour ago. */
  private void sweep() {
    pool.query("SELECT count(*) AS backlog FROM outbox WHERE published_at IS NULL").execute()
        .onSuccess(rows -> {
          long waiting = rows.iterator().next().getLong("backlog");
          backlog.set(waiting);
          if (waiting > 0) {
            wake();
          }
        })
        .compose(v -> pool.query("DELETE FROM outbox WHERE published_at < now() - interval '1 hour'").execute())
        .onFailure(e -> log.warn("outbox sweep failed: {}", e.getMessage()));
  }
}
