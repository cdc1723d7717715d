package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which remote steps of an order's saga were started, done, refused or compensated. A step is
 * marked STARTED before its call, so after a crash the saga knows the call may have taken effect:
 * it repeats it (every step is idempotent) or compensates it. The marks are written in the
 * transaction that records the saga's previous event, so a step costs no transaction of its own.
 */
public final class SagaLog {

  public enum Step {
    STOCK, PAYMENT, SHIPMENT;

    /** The step that follows this one; none after the shipment. */
    Optional<Step> next() {
      return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
  }

  public enum State { STARTED, DONE, REFUSED, COMPENSATED }

  /** A step's new state. */
  public record Mark(Step step, State state) {
  }

  private final Pool pool;

  public SagaLog(Pool pool) {
    this.pool = pool;
  }

  /** Writes the marks in one statement, in the caller's transaction. */
  public static Future<Void> mark(SqlClient client, UUID orderId, List<Mark> marks) {
    if (marks.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] steps = marks.stream().map(mark -> mark.step().name()).toArray(String[]::new);
    String[] states = marks.stream().map(mark -> mark.state().name()).toArray(String[]::new);
    return client.preparedQuery("INSERT INTO saga_steps (order_id, step, state) "
            + "SELECT $1, step, state FROM unnest($2::text[], $3::text[]) AS mark (step, state) "
            + "ON CONFLICT (order_id, step) DO UPDATE SET state = EXCLUDED.state, updated_at = now()")
        .execute(Tuple.of(orderId, steps, states))
        .mapEmpty();
  }

  public Future<Map<Step, State>> states(UUID orderId) {
    return pool.preparedQuery("SELECT step, state FROM saga_steps WHERE order_id = $1")
        .execute(Tuple.of(orderId))
        .map(rows -> {
          Map<Step, State> states = new HashMap<>();
          rows.forEach(row -> states.put(Step.valueOf(row.getString("step")), State.valueOf(row.getString("state"))));
          return states;
        });
  }
}
