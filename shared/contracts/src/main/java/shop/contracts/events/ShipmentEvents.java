package shop.contracts.events;

/**
 * shipping-service's events, on topic {@value #TOPIC}, keyed by order id: the shipment ({@code shipmentId},
 * {@code orderId}, {@code userId}, {@code status}, {@code trackingNumber}, {@code reason}) and the
 * {@code order} passed on (null outside the choreography).
 */
public enum ShipmentEvents implements EventType {

  CREATED("shipment.created", 1, Audience.INTERNAL),
  REJECTED("shipment.rejected", 1, Audience.INTERNAL),
  CANCELLED("shipment.cancelled", 1, Audience.INTERNAL);

  public static final String TOPIC = "shipping";

  private final String type;
  private final int schemaVersion;
  private final Audience audience;

  ShipmentEvents(String type, int schemaVersion, Audience audience) {
    this.type = type;
    this.schemaVersion = schemaVersion;
    this.audience = audience;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public int schemaVersion() {
    return schemaVersion;
  }

  @Override
  public Audience audience() {
    return audience;
  }
}
