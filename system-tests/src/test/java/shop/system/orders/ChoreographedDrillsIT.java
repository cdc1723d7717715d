package shop.system.orders;

/** The fault drills with the saga in choreography mode. */
class ChoreographedDrillsIT extends OrderDrills {

  @Override
  String sagaMode() {
    return "choreography";
  }
}
