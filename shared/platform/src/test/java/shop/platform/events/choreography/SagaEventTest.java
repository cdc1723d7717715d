package shop.platform.events.choreography;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;
import shop.platform.events.EventEnvelope;

class SagaEventTest {

  private final String key = UUID.randomUUID().toString();

  @Test
  void theOrderIdIsTheSnapshotsElseTheEventsKey() {
    assertThat(event(new JsonObject().put("orderId", "named")).orderId()).isEqualTo("named");
    assertThat(event(new JsonObject().put("orderId", 7)).orderId()).isEqualTo(key);
  }

  @Test
  void anAnswerPassesTheOrderOnAsItCameAndKeepsTheKey() {
    JsonObject order = new JsonObject().put("orderId", key).put("later", "a field of a later schema");

    EventEnvelope answer = event(order).answerWith(EventType.PAYMENT_REFUNDED,
        new JsonObject().put("paymentId", "p-1").put("orderId", key));

    assertThat(answer.type()).isEqualTo("payment.refunded");
    assertThat(answer.aggregateId()).isEqualTo(key);
    assertThat(answer.data().encode()).isEqualTo(new JsonObject().put("order", order).put("paymentId", "p-1")
        .put("orderId", key).encode());
  }

  @Test
  void aRefusalNamesNothingMadeAndTheInvalidOrder() {
    JsonObject order = new JsonObject().put("orderId", key).put("userId", "not a user");

    EventEnvelope refusal = event(order).refusalWith(EventType.SHIPMENT_REJECTED, "shipmentId");

    assertThat(refusal.type()).isEqualTo("shipment.rejected");
    assertThat(refusal.data().encode()).isEqualTo(new JsonObject().put("order", order).putNull("shipmentId")
        .put("orderId", key).put("reason", "INVALID_ORDER").encode());
  }

  @Test
  void aReactionNeedsAnEventKeyedByAnOrderId() {
    List<UUID> reactedFor = new ArrayList<>();

    Future<Void> ignored = new SagaEvent(EventEnvelope.of(EventType.STOCK_RESERVED, "not-an-id",
        new JsonObject().put("order", new JsonObject())), EventType.STOCK_RESERVED)
        .withOrderKey(orderId -> {
          reactedFor.add(orderId);
          return Future.succeededFuture();
        });
    event(new JsonObject()).withOrderKey(orderId -> {
      reactedFor.add(orderId);
      return Future.succeededFuture();
    });

    assertThat(ignored.succeeded()).isTrue();
    assertThat(reactedFor).containsExactly(UUID.fromString(key));
  }

  private SagaEvent event(JsonObject order) {
    return new SagaEvent(EventEnvelope.of(EventType.STOCK_RESERVED, key, new JsonObject().put("order", order)),
        EventType.STOCK_RESERVED);
  }
}
