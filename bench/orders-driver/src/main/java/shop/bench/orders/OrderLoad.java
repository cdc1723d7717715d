package shop.bench.orders;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import shop.bench.orders.OrdersDriver.Options;

/**
 * The load itself: a warm-up phase, then the measured window, all on one event loop (so no state
 * here needs a lock). An order belongs to the phase its (intended) start falls in; orders of the
 * measured window still in flight when it closes are waited for and counted.
 */
final class OrderLoad {

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final Options options;
  private final byte[] body;
  private final Tally warmup = new Tally();
  private final Tally measured = new Tally();
  private final Promise<String> finished = Promise.promise();

  private long startNanos;
  private long windowStart;
  private long windowEnd;
  /** Orders sent so far, which numbers their keys; in the open loop also the index of the next one due. */
  private long keys;
  private long inFlight;
  private boolean scheduleDone;
  private boolean windowClosed;
  private long cpuAtWindowStart;
  private long cpuAtWindowEnd;

  OrderLoad(Vertx vertx, HttpClientAgent client, Options options) {
    this.vertx = vertx;
    this.client = client;
    this.options = options;
    this.body = ("{\"items\":[{\"productId\":\"" + options.product() + "\",\"quantity\":1}],"
        + "\"shippingAddress\":\"" + options.address() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** Runs both phases; the result line once every order of the window is answered. */
  Future<String> run() {
    vertx.runOnContext(v -> start());
    return finished.future();
  }

  private void start() {
    startNanos = System.nanoTime();
    windowStart = startNanos + nanos(options.warmupSeconds());
    windowEnd = windowStart + nanos(options.durationSeconds());
    vertx.setTimer(millisUntil(windowStart), id -> {
      cpuAtWindowStart = processCpuNanos();
      System.out.println("window-start");
    });
    vertx.setTimer(millisUntil(windowEnd), id -> {
      cpuAtWindowEnd = processCpuNanos();
      windowClosed = true;
      System.out.println("window-end");
      maybeFinish();
    });
    if (options.openLoop()) {
      sendDue();
    } else {
      for (int i = 0; i < options.concurrency(); i++) {
        sendNext();
      }
    }
  }

  /** Closed loop: one of the N orders in flight was answered; send the next, until the window closes. */
  private void sendNext() {
    long now = System.nanoTime();
    if (now >= windowEnd) {
      scheduleDone = true;
      maybeFinish();
      return;
    }
    send(now).onComplete(v -> sendNext());
  }

  /**
   * Open loop: order i is due at start + i / rate. Sends whatever fell due, each timed from when it
   * was due (a late timer or a full connection pool shows in the latency), then sleeps until the next.
   */
  private void sendDue() {
    long now = System.nanoTime();
    while (true) {
      long due = startNanos + (long) (keys * 1e9 / options.rate());
      if (due >= windowEnd) {
        scheduleDone = true;
        maybeFinish();
        return;
      }
      if (due > now) {
        vertx.setTimer(millisUntil(due), id -> sendDue());
        return;
      }
      send(due).onComplete(v -> maybeFinish());
    }
  }

  /** Places one order whose latency counts from {@code start}; completes once it is tallied. */
  private Future<Void> send(long start) {
    Tally tally = start < windowStart ? warmup : measured;
    String key = options.keyPrefix() + (tally == warmup ? "-w-" : "-m-") + keys++;
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setURI("/api/v1/orders")
        .putHeader("Authorization", "Bearer " + options.token())
        .putHeader("Content-Type", "application/json")
        .putHeader("Idempotency-Key", key)
        .setConnectTimeout(millis(options.timeoutSeconds()))
        .setIdleTimeout(millis(options.timeoutSeconds()));
    inFlight++;
    tally.sent++;
    return client.request(request)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(ignored -> response.statusCode()))
        .transform(answer -> {
          inFlight--;
          if (answer.succeeded()) {
            tally.answered(answer.result(), System.nanoTime() - start);
          } else {
            tally.failed(answer.cause());
          }
          return Future.succeededFuture();
        });
  }

  private void maybeFinish() {
    if (scheduleDone && windowClosed && inFlight == 0 && !finished.future().isComplete()) {
      finished.complete(result());
    }
  }

  private String result() {
    return String.format(java.util.Locale.ROOT,
        "accepted=%d sent=%d other=%s post_p50_ms=%.2f post_p99_ms=%.2f post_max_ms=%.2f "
            + "warmup_accepted=%d warmup_sent=%d warmup_other=%s driver_cpu_ms=%d",
        measured.accepted, measured.sent, measured.others(),
        measured.percentileMillis(50), measured.percentileMillis(99), measured.maxMillis(),
        warmup.accepted, warmup.sent, warmup.others(),
        TimeUnit.NANOSECONDS.toMillis(cpuAtWindowEnd - cpuAtWindowStart));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long nanos(double seconds) {
    return (long) (seconds * 1e9);
  }

  private static long millis(double seconds) {
    return Math.max(1, (long) (seconds * 1000));
  }

  private static long millisUntil(long nanoTime) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime()));
  }
}
