package shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void theCatalogueHoldsTheTypesClientsReadOnEachTopic() {
    assertThat(EventType.values()).extracting(type -> type.topic().topicName() + " " + type.typeName())
        .containsExactlyInAnyOrder(
            "orders order.created", "orders order.confirmed", "orders order.cancelled", "orders order.submitted",
            "orders order.cancel-requested",
            "inventory stock.reserved", "inventory stock.rejected", "inventory stock.released",
            "inventory stock.committed",
            "payments payment.captured", "payments payment.declined", "payments payment.refunded",
            "shipping shipment.created", "shipping shipment.rejected", "shipping shipment.cancelled");
  }

  @Test
  void onlyTheOrdersOutcomesArePublic() {
    assertThat(EventType.values()).filteredOn(type -> type.audience() == Audience.PUBLIC)
        .containsExactlyInAnyOrder(EventType.ORDER_CREATED, EventType.ORDER_CONFIRMED, EventType.ORDER_CANCELLED);
  }

  @Test
  void aTypeIsFoundByItsName() {
    assertThat(EventType.named("payment.declined")).contains(EventType.PAYMENT_DECLINED);
    assertThat(EventType.named("order.cancel-requested")).contains(EventType.ORDER_CANCEL_REQUESTED);
    assertThat(EventType.named("order.shipped")).isEmpty();
  }

  @Test
  void typesOnOneTopicAreSubscribedToOnce() {
    assertThat(Topic.namesOf(List.of(EventType.SHIPMENT_REJECTED, EventType.ORDER_CANCEL_REQUESTED,
        EventType.STOCK_RESERVED, EventType.ORDER_SUBMITTED))).containsExactly("inventory", "orders", "shipping");
  }
}
