package shop.bench.orders;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** What one phase's orders got: HTTP statuses, failures without an answer, and the answers' latency. */
final class Tally {

  /** Microseconds, three significant digits, growing as needed. */
  private final Histogram latency = new Histogram(3);
  private final Map<String, Long> outcomes = new TreeMap<>();
  private final Set<String> reported = new HashSet<>();
  long sent;
  long accepted;

  void answered(int status, long nanos) {
    latency.recordValue(Math.max(1, nanos / 1000));
    if (status == 202) {
      accepted++;
    } else {
      outcomes.merge(String.valueOf(status), 1L, Long::sum);
    }
  }

  /** No answer: a timeout or a connection that failed. Each kind of failure is told once on stderr. */
  void failed(Throwable cause) {
    String kind = cause instanceof TimeoutException || String.valueOf(cause.getMessage()).contains("timeout")
        ? "timeout" : "error";
    outcomes.merge(kind, 1L, Long::sum);
    if (reported.add(cause.getClass().getName() + cause.getMessage())) {
      System.err.println("orders-driver: " + kind + ": " + cause);
    }
  }

  /** The outcomes other than 202, as {@code 503:2,timeout:1}; {@code -} when there were none. */
  String others() {
    if (outcomes.isEmpty()) {
      return "-";
    }
    return outcomes.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }

  double percentileMillis(double percentile) {
    return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0;
  }
}
