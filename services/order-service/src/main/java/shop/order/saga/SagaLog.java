package shop.order.saga;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which remote steps of an order's saga were started, done, refused or compensated. A step is
 * marked STARTED before its call, so after a crash the saga knows the call may have taken effect:
 * it repeats it (every step is idempotent) or compensates it.
 */
public final class SagaLog {

  public enum Step { STOCK, PAYMENT, SHIPMENT }

  public enum State { STARTED, DONE, REFUSED, COMPENSATED }

  private final Pool pool;

  public SagaLog(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> started(UUID orderId, Step step) {
    return mark(pool, orderId, step, State.STARTED);
  }

  public static Future<Void> mark(SqlClient client, UUID orderId, Step step, State state) {
    return client.preparedQuery("INSERT INTO saga_steps (order_id, step, state) VALUES ($1, $2, $3) "
            + "ON CONFLICT (order_id, step) DO UPDATE SET state = EXCLUDED.state, updated_at = now()")
        .execute(Tuple.of(orderId, step.name(), state.name()))
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
