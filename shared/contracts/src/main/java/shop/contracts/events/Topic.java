package shop.contracts.events;

import java.util.Collection;
import java.util.List;

/** A Kafka topic of the shop: each service publishes its events on its own. */
public enum Topic {

  /** order-service's. */
  ORDERS("orders"),
  /** inventory-service's. */
  INVENTORY("inventory"),
  /** payment-service's. */
  PAYMENTS("payments"),
  /** shipping-service's. */
  SHIPPING("shipping");

  private final String topicName;

  Topic(String topicName) {
    this.topicName = topicName;
  }

  /** The topic's name on Kafka, and on the event bus after {@code events.}. */
  public String topicName() {
    return topicName;
  }

  /** The names of the event types' topics, each once, in alphabetical order: what their consumer subscribes to. */
  public static List<String> namesOf(Collection<EventType> types) {
    return types.stream().map(type -> type.topic().topicName()).distinct().sorted().toList();
  }
}
