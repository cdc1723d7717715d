package shop.contracts.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of event the shop publishes: its name (the envelope's {@code type}), its topic, the
 * version of the schema of its {@code data}, and who may rely on it. Every event is keyed by the id of
 * its order.
 *
 * <p>To add an event type, add a constant here, with the producing service's topic. An internal type
 * needs a consumer (one that names it in its {@code REACTS_TO}); a public one is for any client.
 * Change a type's {@code data} incompatibly only with a new schema version.
 */
public enum EventType {

  /** An order was placed: {@link OrderCreated}. */
  ORDER_CREATED("order.created", Topic.ORDERS, 1, Audience.PUBLIC),
  /** An order is paid for and shipped: {@link OrderConfirmed}. */
  ORDER_CONFIRMED("order.confirmed", Topic.ORDERS, 1, Audience.PUBLIC),
  /** An order failed or was cancelled, and whatever was done for it is undone: {@link OrderCancelled}. */
  ORDER_CANCELLED("order.cancelled", Topic.ORDERS, 1, Audience.PUBLIC),
  /** Choreography: a checked order to reserve, charge and ship; {@code order}: {@link OrderSnapshot}. */
  ORDER_SUBMITTED("order.submitted", Topic.ORDERS, 1, Audience.INTERNAL),
  /** Choreography: the participants are to undo what they did for the order; {@code order}: {@link OrderSnapshot}. */
  ORDER_CANCEL_REQUESTED("order.cancel-requested", Topic.ORDERS, 1, Audience.INTERNAL),

  // inventory-service's: orderId and lines (productId, quantity), and the choreography's order passed on.
  STOCK_RESERVED("stock.reserved", Topic.INVENTORY, 1, Audience.INTERNAL),
  /** Choreography: the order cannot be reserved; orderId, reason and detail, no lines. */
  STOCK_REJECTED("stock.rejected", Topic.INVENTORY, 1, Audience.INTERNAL),
  STOCK_RELEASED("stock.released", Topic.INVENTORY, 1, Audience.INTERNAL),
  STOCK_COMMITTED("stock.committed", Topic.INVENTORY, 1, Audience.INTERNAL),

  // payment-service's: the payment (paymentId, orderId, userId, amountMinor, currency, status, reason) and
  // the choreography's order passed on (null outside it).
  PAYMENT_CAPTURED("payment.captured", Topic.PAYMENTS, 1, Audience.INTERNAL),
  PAYMENT_DECLINED("payment.declined", Topic.PAYMENTS, 1, Audience.INTERNAL),
  PAYMENT_REFUNDED("payment.refunded", Topic.PAYMENTS, 1, Audience.INTERNAL),

  // shipping-service's: the shipment (shipmentId, orderId, userId, status, trackingNumber, reason) and the
  // choreography's order passed on (null outside it).
  SHIPMENT_CREATED("shipment.created", Topic.SHIPPING, 1, Audience.INTERNAL),
  SHIPMENT_REJECTED("shipment.rejected", Topic.SHIPPING, 1, Audience.INTERNAL),
  SHIPMENT_CANCELLED("shipment.cancelled", Topic.SHIPPING, 1, Audience.INTERNAL);

  // toMap refuses a name given twice: no two types can share one.
  private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

  private final String typeName;
  private final Topic topic;
  private final int schemaVersion;
  private final Audience audience;

  EventType(String typeName, Topic topic, int schemaVersion, Audience audience) {
    this.typeName = typeName;
    this.topic = topic;
    this.schemaVersion = schemaVersion;
    this.audience = audience;
  }

  /** The event type of that name ({@code order.created}), if the shop has one. */
  public static Optional<EventType> named(String typeName) {
    return Optional.ofNullable(BY_NAME.get(typeName));
  }

  /** The envelope's {@code type}, such as {@code order.created}. */
  public String typeName() {
    return typeName;
  }

  public Topic topic() {
    return topic;
  }

  /** The envelope's {@code schemaVersion}: the version of the schema of the event's {@code data}. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public Audience audience() {
    return audience;
  }
}
