package shop.system.orders;

/** The order scenarios with order-service driving the saga over event-bus proxies. */
class OrchestratedOrdersIT extends OrderScenarios {

  @Override
  String sagaMode() {
    return "orchestration";
  }
}
