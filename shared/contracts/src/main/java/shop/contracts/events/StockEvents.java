package shop.contracts.events;

/**
 * inventory-service's events, on topic {@value #TOPIC}, keyed by order id: {@code orderId}, {@code lines}
 * ({@code productId}, {@code quantity}) and, in the choreography, the {@code order} passed on.
 */
public enum StockEvents implements EventType {

  /** The order's units are held for it. */
  RESERVED("stock.reserved", 1, Audience.INTERNAL),
  /** Choreography: the order cannot be reserved; {@code reason} and {@code detail} say why. */
  REJECTED("stock.rejected", 1, Audience.INTERNAL),
  /** The order's units are back in stock. */
  RELEASED("stock.released", 1, Audience.INTERNAL),
  /** The order's reserved units are sold. */
  COMMITTED("stock.committed", 1, Audience.INTERNAL);

  public static final String TOPIC = "inventory";

  private final String type;
  private final int schemaVersion;
  private final Audience audience;

  StockEvents(String type, int schemaVersion, Audience audience) {
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
