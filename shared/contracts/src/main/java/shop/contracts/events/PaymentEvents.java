package shop.contracts.events;

/**
 * payment-service's events, on topic {@value #TOPIC}, keyed by order id: the payment ({@code paymentId},
 * {@code orderId}, {@code userId}, {@code amountMinor}, {@code currency}, {@code status}, {@code reason}) and
 * the {@code order} passed on (null outside the choreography).
 */
public enum PaymentEvents implements EventType {

  CAPTURED("payment.captured", 1, Audience.INTERNAL),
  DECLINED("payment.declined", 1, Audience.INTERNAL),
  REFUNDED("payment.refunded", 1, Audience.INTERNAL);

  public static final String TOPIC = "payments";

  private final String type;
  private final int schemaVersion;
  private final Audience audience;

  PaymentEvents(String type, int schemaVersion, Audience audience) {
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
