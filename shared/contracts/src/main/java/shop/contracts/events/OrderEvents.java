package shop.contracts.events;

/** order-service's events, on topic {@value #TOPIC}, keyed by order id. */
public enum OrderEvents implements EventType {

  /** An order was placed: {@link OrderCreated}. */
  CREATED("order.created", 1, Audience.PUBLIC),
  /** An order is paid for and shipped: {@link OrderConfirmed}. */
  CONFIRMED("order.confirmed", 1, Audience.PUBLIC),
  /** An order failed or was cancelled, and whatever was done for it is undone: {@link OrderCancelled}. */
  CANCELLED("order.cancelled", 1, Audience.PUBLIC),
  /** Choreography: a checked order for the participants to reserve, charge and ship; {@code order}: {@link OrderSnapshot}. */
  SUBMITTED("order.submitted", 1, Audience.INTERNAL),
  /** Choreography: the participants are to undo what they did for the order; {@code order}: {@link OrderSnapshot}. */
  CANCEL_REQUESTED("order.cancel-requested", 1, Audience.INTERNAL);

  public static final String TOPIC = "orders";

  private final String type;
  private final int schemaVersion;
  private final Audience audience;

  OrderEvents(String type, int schemaVersion, Audience audience) {
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
