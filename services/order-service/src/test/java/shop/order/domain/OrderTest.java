package shop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OrderTest {

  @Test
  void aPlacedOrderIsPendingUntilConfirmed() {
    OrderStream stream = OrderStream.placed(SagaMode.ORCHESTRATION);
    assertThat(stream.order().status()).isEqualTo(OrderStatus.PENDING);
    assertThat(stream.order().totalMinor()).isEqualTo(2500);

    stream.then(OrderEvent.USER_VALIDATED, new JsonObject().put("email", "a@example.com"))
        .then(OrderEvent.STOCK_RESERVED)
        .then(OrderEvent.PAYMENT_PENDING);
    assertThat(stream.order().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

    stream.then(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"));
    assertThat(stream.order().status()).isEqualTo(OrderStatus.PENDING);
    stream.then(OrderEvent.SHIPMENT_CREATED, new JsonObject().put("trackingNumber", "SHP-1"))
        .then(OrderEvent.CONFIRMED);

    Order order = stream.order();
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order.version()).isEqualTo(7);
    assertThat(order.email()).isEqualTo("a@example.com");
    assertThat(order.paymentId()).isEqualTo("p-1");
    assertThat(order.trackingNumber()).isEqualTo("SHP-1");
    assertThat(order.sagaMode()).isEqualTo(SagaMode.ORCHESTRATION);
  }

  @Test
  void aChoreographedOrderHasEveryStepRecordedOnlyOnceAllFourEventsAreInWhateverOrderTheyCame() {
    OrderStream stream = OrderStream.placed(SagaMode.CHOREOGRAPHY)
        .then(OrderEvent.USER_VALIDATED, new JsonObject().put("email", "a@example.com"))
        // Inventory's stock.committed overtook shipping's shipment.created and payments' payment.captured.
        .then(OrderEvent.STOCK_RESERVED)
        .then(OrderEvent.STOCK_COMMITTED);
    assertThat(stream.order().everyStepRecorded()).isFalse();
    stream.then(OrderEvent.SHIPMENT_CREATED, new JsonObject().put("trackingNumber", "SHP-1"));
    assertThat(stream.order().everyStepRecorded()).isFalse();
    assertThat(stream.order().status()).isEqualTo(OrderStatus.PENDING);

    stream.then(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"));

    assertThat(stream.order().everyStepRecorded()).isTrue();
    assertThat(stream.order().status()).as("confirming is the saga's own event").isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aFailedOrderIsCancellingUntilEveryDoneStepIsUndone() {
    OrderStream stream = OrderStream.placed(SagaMode.CHOREOGRAPHY)
        .then(OrderEvent.STOCK_RESERVED)
        .then(OrderEvent.PAYMENT_CAPTURED, new JsonObject().put("paymentId", "p-1"))
        .then(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.SHIPPING_FAILED));
    assertThat(stream.order().status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(stream.order().compensated()).isFalse();

    stream.then(OrderEvent.PAYMENT_REFUNDED);
    assertThat(stream.order().compensated()).isFalse();
    stream.then(OrderEvent.STOCK_RELEASED);
    assertThat(stream.order().compensated()).isTrue();

    Order order = stream.then(OrderEvent.CANCELLED).order();
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.failureReason()).isEqualTo(CancelReason.SHIPPING_FAILED);
    assertThat(order.sagaMode()).isEqualTo(SagaMode.CHOREOGRAPHY);
  }

  @Test
  void aConfirmedOrderThatIsCancelledIsCancelling() {
    Order order = OrderStream.placed(SagaMode.ORCHESTRATION)
        .then(OrderEvent.CONFIRMED)
        .then(OrderEvent.FAILED, new JsonObject().put("reason", CancelReason.CANCELLED_BY_CUSTOMER))
        .order();

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
  }
}
