package shop.system.orders;

/** The order scenarios with the saga driven by the participants' Kafka events. */
class ChoreographedOrdersIT extends OrderScenarios {

  @Override
  String sagaMode() {
    return "choreography";
  }
}
