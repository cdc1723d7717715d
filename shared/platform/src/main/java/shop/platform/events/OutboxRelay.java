package shop.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
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

/**
 * Relays the outbox to Kafka: takes the oldest unpublished events, sends them (idempotent producer,
 * acks=all, keyed by aggregate id), marks them published, then republishes each on the event bus at
 * {@code events.<topic>} for clustered clients. If Kafka is down nothing is marked and the same
 * events go out on a later round: delivery is at least once, never lost.
 *
 * <p>The relay does not poll. The outbox table notifies channel {@code outbox} when a transaction
 * that wrote events commits (migration V2), and the relay, listening on a connection of its own,
 * runs a round. Notifications that arrive while a round is on its way are folded into one more
 * round, so under load one round carries the events of many transactions, and at rest the relay
 * costs nothing. A sweep every {@code sweepIntervalMs} catches what no notification announced (one
 * sent while the listening connection was being re-established) and measures the backlog.
 *
 * <p>One relay at a time per database (a transaction-scoped advisory lock), so events leave in the
 * order they were written even with several instances of a service. Every instance hears every
 * notification, so events another instance's round missed go out in that instance's next round.
 */
public final class OutboxRelay extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long RELAY_LOCK = 0x6f7574626f78L;
  private static final String CHANNEL = "outbox";
  private static final long RECONNECT_DELAY_MS = 1000;
  private static final long RETRY_DELAY_MS = 1000;

  private final Pool pool;
  private final PgConnectOptions listenOn;
  private final String bootstrapServers;
  private final long sweepIntervalMs;
  private final int batchSize;
  private final MeterRegistry meters;
  private final AtomicLong backlog = new AtomicLong();
  private KafkaProducer<String, String> producer;
  private PgSubscriber subscriber;
  private boolean relaying;
  private boolean wanted;

  /** @param listenOn the database of {@code pool}, for the connection that listens for new events */
  public OutboxRelay(Pool pool, PgConnectOptions listenOn, String bootstrapServers, long sweepIntervalMs,
      int batchSize, MeterRegistry meters) {
    this.pool = pool;
    this.listenOn = listenOn;
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
    subscriber = PgSubscriber.subscriber(vertx, listenOn).reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
    // Called again after each reconnect: a round then relays what was written while no one listened.
    subscriber.channel(CHANNEL).subscribeHandler(v -> wake()).handler(payload -> wake());
    vertx.setPeriodic(sweepIntervalMs, id -> sweep());
    return subscriber.connect();
  }

  @Override
  public Future<?> stop() {
    return subscriber.close().eventually(() -> producer.close());
  }

  /** Runs a round now, or right after the one on its way. */
  private void wake() {
    wanted = true;
    if (!relaying) {
      relay();
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
      } else if (wanted || done.result() == batchSize) {
        relay();
      }
    });
  }

  /** Relays one batch inside a transaction; returns how many events went out. */
  private Future<Integer> relayBatch(SqlConnection tx) {
    return tx.query("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ") AS locked").execute()
        .compose(lock -> !lock.iterator().next().getBoolean("locked")
            ? Future.succeededFuture(0)
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
      // The event's trace continues on Kafka under the standard W3C header names.
      envelope.getJsonObject("traceContext", new JsonObject())
          .forEach(header -> record.addHeader(header.getKey(), String.valueOf(header.getValue())));
      acks.add(producer.send(record));
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
