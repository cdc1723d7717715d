package shop.order.domain;

/**
 * How an order's saga runs, fixed when it is placed: order-service calls each participant in turn
 * ({@code orchestration}), or the participants react to each other's Kafka events ({@code choreography}).
 */
public enum SagaMode {
  ORCHESTRATION,
  CHOREOGRAPHY;

  /** From config or an event: {@code orchestration} (also when absent) or {@code choreography}. */
  public static SagaMode parse(String value) {
    return value == null ? ORCHESTRATION : valueOf(value.trim().toUpperCase());
  }

  public String configValue() {
    return name().toLowerCase();
  }
}
