package shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

  @Test
  void theCatalogueHoldsTheTypesClientsReadOnEachTopic() {
    assertThat(EventCatalog.all()).extracting(type -> type.topic() + " " + type.type()).containsExactlyInAnyOrder(
        "orders order.created", "orders order.confirmed", "orders order.cancelled", "orders order.submitted",
        "orders order.cancel-requested",
        "inventory stock.reserved", "inventory stock.rejected", "inventory stock.released", "inventory stock.committed",
        "payments payment.captured", "payments payment.declined", "payments payment.refunded",
        "shipping shipment.created", "shipping shipment.rejected", "shipping shipment.cancelled");
  }

  @Test
  void onlyTheOrdersOutcomesArePublic() {
    assertThat(EventCatalog.all()).filteredOn(type -> type.audience() == Audience.PUBLIC)
        .containsExactlyInAnyOrder(OrderEvents.CREATED, OrderEvents.CONFIRMED, OrderEvents.CANCELLED);
  }

  @Test
  void aTypeIsFoundByItsName() {
    assertThat(EventCatalog.named("payment.declined")).contains(PaymentEvents.DECLINED);
    assertThat(EventCatalog.named("shipment.created")).contains(ShipmentEvents.CREATED);
    assertThat(EventCatalog.named("order.shipped")).isEmpty();
  }

  @Test
  void typesOnOneTopicAreSubscribedToOnce() {
    assertThat(EventCatalog.topicsOf(List.of(ShipmentEvents.REJECTED, OrderEvents.CANCEL_REQUESTED,
        StockEvents.RESERVED, OrderEvents.SUBMITTED))).containsExactly("inventory", "orders", "shipping");
  }
}
