package shop.system.orders;

/** The fault drills with the saga in orchestration mode. */
class OrchestratedDrillsIT extends OrderDrills {

  @Override
  String sagaMode() {
    return "orchestration";
  }
}
