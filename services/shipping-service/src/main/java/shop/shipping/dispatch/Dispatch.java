package shop.shipping.dispatch;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.Optional;
import java.util.UUID;
import shop.contracts.events.EventType;
import shop.contracts.shipping.Shipment;
import shop.contracts.shipping.ShipmentRequest;
import shop.platform.events.EventEnvelope;
import shop.platform.events.Outbox;
import shop.platform.ids.Uuids;

/**
 * The shipment operations, each run inside the caller's transaction together with its event, so the
 * event-bus service and the choreography consumer share one implementation. Only a change of state
 * writes an event: repeating an operation changes nothing and emits nothing.
 *
 * <p>Its {@link ShipmentEvents} are keyed by order id, with the shipment's fields and the saga's
 * {@code order} object when the operation was caused by an event that carried one (else null).
 */
public final class Dispatch {

  private static final int MAX_ADDRESS_LENGTH = 500;

  private final ShipmentRepository shipments;

  public Dispatch(ShipmentRepository shipments) {
    this.shipments = shipments;
  }

  /** What is wrong with a shipment request, if anything. */
  public static Optional<String> problemWith(ShipmentRequest request) {
    if (request == null) {
      return Optional.of("a shipment request is required");
    }
    if (Uuids.parse(request.getOrderId()).isEmpty()) {
      return Optional.of("orderId must be a UUID");
    }
    if (Uuids.parse(request.getUserId()).isEmpty()) {
      return Optional.of("userId must be a UUID");
    }
    String address = request.getAddress();
    if (address == null || address.isBlank() || address.trim().length() > MAX_ADDRESS_LENGTH) {
      return Optional.of("address must be 1 to " + MAX_ADDRESS_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /**
   * Creates the shipment of a valid request's order, once: CREATED with a tracking number, or REJECTED
   * if the carrier refuses the address. A repeat, concurrent or not, returns the stored shipment.
   */
  public Future<ShipmentRecord> create(SqlConnection tx, ShipmentRequest request, JsonObject order) {
    UUID orderId = UUID.fromString(request.getOrderId());
    String address = request.getAddress().trim();
    Optional<String> rejection = DeliveryRules.rejection(address);
    String status = rejection.isPresent() ? Shipment.REJECTED : Shipment.CREATED;
    String trackingNumber = rejection.isPresent() ? null : DeliveryRules.newTrackingNumber();
    EventType outcome = rejection.isPresent() ? EventType.SHIPMENT_REJECTED : EventType.SHIPMENT_CREATED;
    return shipments.insertIfAbsent(tx, orderId, UUID.fromString(request.getUserId()), address, status,
            trackingNumber, rejection.orElse(null))
        .compose(inserted -> inserted.isPresent()
            ? emit(tx, outcome, inserted.get(), order)
            : shipments.findByOrder(tx, orderId).map(Optional::orElseThrow));
  }

  /** Cancels the order's CREATED shipment: the order's shipment as it is now, and whether this call cancelled it. */
  public Future<Cancellation> cancel(SqlConnection tx, UUID orderId, JsonObject order) {
    return shipments.cancelCreated(tx, orderId).compose(cancelled -> cancelled.isPresent()
        ? emit(tx, EventType.SHIPMENT_CANCELLED, cancelled.get(), order)
            .map(shipment -> new Cancellation(cancelled, true))
        : shipments.findByOrder(tx, orderId).map(current -> new Cancellation(current, false)));
  }

  private static Future<ShipmentRecord> emit(SqlConnection tx, EventType type, ShipmentRecord shipment,
      JsonObject order) {
    JsonObject data = new JsonObject()
        .put("order", order)
        .put("shipmentId", shipment.id().toString())
        .put("orderId", shipment.orderId().toString())
        .put("userId", shipment.userId().toString())
        .put("status", shipment.status())
        .put("trackingNumber", shipment.trackingNumber())
        .put("reason", shipment.reason());
    return Outbox.append(tx, EventEnvelope.of(type, shipment.orderId().toString(), data)).map(shipment);
  }


  /**
   * The outcome of a cancellation: the order's shipment as it is now (empty if none), and whether
   * this call cancelled it.
   */
  public record Cancellation(Optional<ShipmentRecord> shipment, boolean cancelledNow) {
  }
}
