package shop.platform.events.choreography;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.platform.events.EventEnvelope;

class ChoreographyParticipantTest {

  private final List<SagaEvent> reactedTo = new ArrayList<>();
  private final ChoreographyParticipant participant =
      new ChoreographyParticipant(Set.of(EventType.STOCK_RESERVED, EventType.ORDER_CANCEL_REQUESTED)) {
        @Override
        protected Future<Void> react(SqlConnection transaction, SagaEvent event) {
          reactedTo.add(event);
          return Future.succeededFuture();
        }
      };

  private final JsonObject order = new JsonObject().put("orderId", "o-1").put("amountMinor", 3100);

  @Test
  void itWantsTheEventsOfItsTypesThatCarryAnOrder() {
    assertThat(participant.wants(event(EventType.STOCK_RESERVED, order))).isTrue();
    assertThat(participant.wants(event(EventType.ORDER_CANCEL_REQUESTED, order))).isTrue();
  }

  @Test
  void itDeclinesOtherTypesAndOrchestratedOrdersEvents() {
    assertThat(participant.wants(event(EventType.PAYMENT_CAPTURED, order))).as("a type it does not react to").isFalse();
    assertThat(participant.wants(event(EventType.STOCK_RESERVED, null))).as("an orchestrated order's event").isFalse();
    assertThat(participant.wants(event(EventType.STOCK_RESERVED, "o-1"))).as("an order that is no object").isFalse();
  }

  @Test
  void itReactsWithTheEventsTypeAndOrder() {
    participant.handle(null, event(EventType.ORDER_CANCEL_REQUESTED, order));

    assertThat(reactedTo).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.ORDER_CANCEL_REQUESTED);
      assertThat(event.order().amountMinor()).isEqualTo(3100);
      assertThat(event.orderJson()).isEqualTo(order);
    });
  }

  private static EventEnvelope event(EventType type, Object order) {
    return EventEnvelope.of(type, "o-1", new JsonObject().put("order", order));
  }
}
