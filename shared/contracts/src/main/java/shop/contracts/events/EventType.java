package shop.contracts.events;

/**
 * A kind of event the shop publishes: its name (the envelope's {@code type}), the Kafka topic it goes
 * to, the version of the schema of its {@code data}, and who may rely on it. Every event type is a
 * constant of the catalogue of its topic; {@link EventCatalog} lists them all.
 *
 * <p>To add an event type, add a constant to its topic's catalogue; a new topic is a new catalogue,
 * named here. Change a type's {@code data} incompatibly only with a new schema version.
 */
public sealed interface EventType permits OrderEvents, StockEvents, PaymentEvents, ShipmentEvents {

  /** The envelope's {@code type}, such as {@code order.created}. */
  String type();

  String topic();

  /** The envelope's {@code schemaVersion}: the version of the schema of the event's {@code data}. */
  int schemaVersion();

  Audience audience();
}
