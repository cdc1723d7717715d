package shop.order.saga;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sagas one at a time per order, and brings back orders that stopped: those waiting for
 * payment, those whose participant could not be reached, and those a crashed instance left behind.
 * All its state is confined to one Vert.x context, so it needs no locks.
 */
public final class SagaRunner {

  private static final Logger log = LoggerFactory.getLogger(SagaRunner.class);
  private static final int RECOVERY_BATCH = 200;

  private final Context context;
  private final Function<UUID, Future<Void>> saga;
  private final Function<Integer, Future<List<UUID>>> stalledOrders;
  private final long retryAfterMs;
  private final Set<UUID> running = new HashSet<>();
  private final Set<UUID> runAgain = new HashSet<>();
  private final Map<UUID, Long> notBefore = new HashMap<>();
  private boolean scanning;

  /**
   * @param saga advances one order; a failed future means "try again later"
   * @param stalledOrders up to n orders whose saga is unfinished and idle
   */
  public SagaRunner(Context context, Function<UUID, Future<Void>> saga,
      Function<Integer, Future<List<UUID>>> stalledOrders, long retryAfterMs) {
    this.context = context;
    this.saga = saga;
    this.stalledOrders = stalledOrders;
    this.retryAfterMs = retryAfterMs;
  }

  /** Runs the order's saga now, or right after the run in progress for it. */
  public void drive(UUID orderId) {
    context.runOnContext(v -> {
      if (running.contains(orderId)) {
        runAgain.add(orderId);
      } else {
        run(orderId);
      }
    });
  }

  /** Looks for stalled orders every {@code intervalMs}. */
  public void recoverEvery(long intervalMs) {
    context.runOnContext(v -> context.owner().setPeriodic(intervalMs, id -> recoverStalled()));
  }

  private void run(UUID orderId) {
    running.add(orderId);
    saga.apply(orderId).onComplete(done -> {
      running.remove(orderId);
      if (done.failed()) {
        log.info("order {} waits: {}", orderId, done.cause().getMessage());
      }
      // An order that is still unfinished after a run waits for something: look again later, not at once.
      notBefore.put(orderId, System.currentTimeMillis() + retryAfterMs);
      if (runAgain.remove(orderId)) {
        run(orderId);
      }
    });
  }

  private void recoverStalled() {
    if (scanning) {
      return;
    }
    scanning = true;
    long now = System.currentTimeMillis();
    notBefore.values().removeIf(time -> time <= now);
    stalledOrders.apply(RECOVERY_BATCH)
        .onSuccess(ids -> ids.stream()
            .filter(id -> !running.contains(id) && !notBefore.containsKey(id))
            .forEach(this::run))
        .onFailure(e -> log.warn("could not look for stalled orders: {}", e.getMessage()))
        .onComplete(done -> scanning = false);
  }
}
