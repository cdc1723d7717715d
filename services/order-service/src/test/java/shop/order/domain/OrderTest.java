package shop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

  private final UUID id = UUID.randomUUID();
  private final List<OrderEvent> events = new ArrayList<>();

  @Test
  void aPlacedOrderIsPendingUntilConfirmed() {
    placed("orchestration");
    assertThat(order().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order().totalMinor()).isEqualTo(2500);

    happen(OrderEvent.USER_VALIDATED, new JsonObject().put("email", "a@example.com"));
    happen(OrderEvent.STOCK_RESERVED, new JsonObject());
    happen(OrderEvent.PAYMENT_PENDING, new JsonObject());
    assertThat(order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

    happen(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"));
    assertThat(order().status()).isEqualTo(OrderStatus.PENDING);
    happen(OrderEvent.SHIPMENT_CREATED, new JsonObject().put("trackingNumber", "SHP-1"));
    happen(OrderEvent.CONFIRMED, new JsonObject());

    Order order = order();
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order.version()).isEqualTo(7);
    assertThat(order.email()).isEqualTo("a@example.com");
    assertThat(order.paymentId()).isEqualTo("p-1");
    assertThat(order.trackingNumber()).isEqualTo("SHP-1");
    assertThat(order.sagaMode()).isEqualTo(SagaMode.ORCHESTRATION);
  }

  @Test
  void aChoreographedOrderHasEveryStepRecordedOnlyOnceAllFourEventsAreInWhateverOrderTheyCame() {
    placed("choreography");
    happen(OrderEvent.USER_VALIDATED, new JsonObject().put("email", "a@example.com"));
    // Inventory's stock.committed overtook shipping's shipment.created and payments' payment.captured.
    happen(OrderEvent.STOCK_RESERVED, new JsonObject());
    happen(OrderEvent.STOCK_COMMITTED, new JsonObject());
    assertThat(order().everyStepRecorded()).isFalse();
    happen(OrderEvent.SHIPMENT_CREATED, new JsonObject().put("trackingNumber", "SHP-1"));
    assertThat(order().everyStepRecorded()).isFalse();
    assertThat(order().status()).isEqualTo(OrderStatus.PENDING);

    happen(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"));

    assertThat(order().everyStepRecorded()).isTrue();
    assertThat(order().status()).as("confirming is the saga's own event").isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aFailedOrderIsCancellingUntilEveryDoneStepIsUndone() {
    placed("choreography");
    happen(OrderEvent.STOCK_RESERVED, new JsonObject());
    happen(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"));
    happen(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.SHIPPING_FAILED));
    assertThat(order().status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(order().compensated()).isFalse();

    happen(OrderEvent.PAYMENT_REFUNDED, new JsonObject());
    assertThat(order().compensated()).isFalse();
    happen(OrderEvent.STOCK_RELEASED, new JsonObject());
    assertThat(order().compensated()).isTrue();

    happen(OrderEvent.CANCELLED, new JsonObject());
    assertThat(order().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order().failureReason()).isEqualTo(CancelReason.SHIPPING_FAILED);
    assertThat(order().sagaMode()).isEqualTo(SagaMode.CHOREOGRAPHY);
  }

  @Test
  void aConfirmedOrderThatIsCancelledIsCancelling() {
    placed("orchestration");
    happen(OrderEvent.CONFIRMED, new JsonObject());
    happen(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.CANCELLED_BY_CUSTOMER));

    assertThat(order().status()).isEqualTo(OrderStatus.CANCELLING);
  }

  private void placed(String mode) {
    happen(OrderEvent.PLACED, new JsonObject()
        .put("userId", UUID.randomUUID().toString())
        .put("sagaMode", mode)
        .put("lines", new JsonArray().add(new JsonObject().put("productId", "p").put("quantity", 2)))
        .put("totalMinor", 2500L)
        .put("currency", "EUR")
        .put("shippingAddress", "1 Main Street"));
  }

  private void happen(String type, JsonObject data) {
    events.add(new OrderEvent(id, events.size() + 1, type, data, Instant.now()));
  }

  private Order order() {
    return Order.replay(id, events);
  }
}
