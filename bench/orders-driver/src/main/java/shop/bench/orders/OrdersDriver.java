package shop.bench.orders;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Places orders through the gateway for a warm-up phase, then a measured window, and prints one
 * {@code result} line. Either closed loop ({@code --concurrency N}: N orders in flight, each next one
 * sent when one is answered) or open loop ({@code --rate R}: R orders a second on a fixed schedule,
 * latency counted from each order's scheduled start, so a slow answer does not hide the requests
 * that should have been sent meanwhile).
 *
 * <p>Standard output, for bench/orders to follow: {@code window-start}, {@code window-end} (printed as
 * the measured window opens and closes, while the load goes on) and finally
 * {@code result key=value ...}.
 *
 * <pre>
 * java -jar orders-driver.jar --gateway http://127.0.0.1:8080 --token JWT --product UUID
 *     (--concurrency 16 | --rate 100 [--connections 64]) [--warmup 20] [--duration 60]
 *     [--timeout 30] [--key-prefix bench-1]
 * </pre>
 */
public final class OrdersDriver {

  /** What one run is asked to do; durations in seconds. */
  record Options(URI gateway, String token, String product, int concurrency, double rate, int connections,
      double warmupSeconds, double durationSeconds, double timeoutSeconds, String keyPrefix, String address) {

    boolean openLoop() {
      return rate > 0;
    }

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
        }
        values.put(args[i].substring(2), args[i + 1]);
      }
      int concurrency = Integer.parseInt(values.getOrDefault("concurrency", "0"));
      double rate = Double.parseDouble(values.getOrDefault("rate", "0"));
      if ((concurrency > 0) == (rate > 0)) {
        throw new IllegalArgumentException("give either --concurrency N or --rate R");
      }
      int connections = Integer.parseInt(values.getOrDefault("connections",
          String.valueOf(concurrency > 0 ? concurrency : 64)));
      return new Options(URI.create(required(values, "gateway")), required(values, "token"),
          required(values, "product"), concurrency, rate, connections,
          Double.parseDouble(values.getOrDefault("warmup", "20")),
          Double.parseDouble(values.getOrDefault("duration", "60")),
          Double.parseDouble(values.getOrDefault("timeout", "30")),
          values.getOrDefault("key-prefix", "bench-" + System.currentTimeMillis()),
          values.getOrDefault("address", "1 Bench Street"));
    }

    private static String required(Map<String, String> values, String name) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return value;
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("orders-driver: " + e.getMessage());
      System.exit(2);
      return;
    }
    // One event loop: the driver's state lives on it, and it leaves the cores to the system under test.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setDefaultHost(options.gateway().getHost())
            .setDefaultPort(options.gateway().getPort()),
        // Requests beyond the pool wait in its queue (open loop), their wait counted in their latency.
        new PoolOptions().setHttp1MaxSize(options.connections()).setMaxWaitQueueSize(-1));
    OrderLoad load = new OrderLoad(vertx, client, options);
    load.run().onComplete(done -> {
      if (done.succeeded()) {
        System.out.println("result " + done.result());
      } else {
        System.err.println("orders-driver: " + done.cause());
      }
      System.out.flush();
      client.close().eventually(vertx::close).onComplete(closed -> System.exit(done.succeeded() ? 0 : 1));
    });
  }
}
