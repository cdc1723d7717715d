package shop.order.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The order aggregate: its state is the fold of its events, nothing else is stored for it. */
public final class Order {

  private final UUID id;
  private int version;
  private SagaMode sagaMode;
  private String userId;
  private String email;
  private JsonArray lines;
  private long totalMinor;
  private String currency;
  private String shippingAddress;
  private JsonObject traceContext;
  private boolean userValidated;
  private boolean stockReserved;
  private boolean paymentPending;
  private boolean paymentCaptured;
  private boolean shipmentCreated;
  private boolean stockCommitted;
  private boolean confirmed;
  private boolean cancelled;
  private boolean stockReleased;
  private boolean paymentRefunded;
  private boolean shipmentCancelled;
  private boolean compensationRequested;
  private String failureReason;
  private String paymentId;
  private String trackingNumber;
  private Instant createdAt;
  private Instant updatedAt;

  private Order(UUID id) {
    this.id = id;
  }

  public static Order replay(UUID id, List<OrderEvent> events) {
    Order order = new Order(id);
    events.forEach(order::apply);
    return order;
  }

  public void apply(OrderEvent event) {
    JsonObject data = event.data();
    switch (event.type()) {
      case OrderEvent.PLACED -> {
        sagaMode = SagaMode.parse(data.getString("sagaMode"));
        userId = data.getString("userId");
        lines = data.getJsonArray("lines");
        totalMinor = data.getLong("totalMinor");
        currency = data.getString("currency");
        shippingAddress = data.getString("shippingAddress");
        traceContext = data.getJsonObject("traceContext", new JsonObject());
        createdAt = event.occurredAt();
      }
      case OrderEvent.USER_VALIDATED -> {
        userValidated = true;
        email = data.getString("email");
      }
      case OrderEvent.STOCK_RESERVED -> stockReserved = true;
      case OrderEvent.PAYMENT_PENDING -> paymentPending = true;
      case OrderEvent.PAYMENT_CAPTURED -> {
        paymentCaptured = true;
        paymentId = data.getString("paymentId");
      }
      case OrderEvent.SHIPMENT_CREATED -> {
        shipmentCreated = true;
        trackingNumber = data.getString("trackingNumber");
      }
      case OrderEvent.STOCK_COMMITTED -> stockCommitted = true;
      case OrderEvent.CONFIRMED -> confirmed = true;
      case OrderEvent.FAILED -> failureReason = data.getString("reason");
      case OrderEvent.CANCELLED -> cancelled = true;
      case OrderEvent.STOCK_RELEASED -> stockReleased = true;
      case OrderEvent.PAYMENT_REFUNDED -> paymentRefunded = true;
      case OrderEvent.SHIPMENT_CANCELLED -> shipmentCancelled = true;
      case OrderEvent.COMPENSATION_REQUESTED -> compensationRequested = true;
      default -> throw new IllegalArgumentException("unknown order event " + event.type());
    }
    version = event.version();
    updatedAt = event.occurredAt();
  }

  public OrderStatus status() {
    if (cancelled) {
      return OrderStatus.CANCELLED;
    }
    if (failureReason != null) {
      return OrderStatus.CANCELLING;
    }
    if (confirmed) {
      return OrderStatus.CONFIRMED;
    }
    return paymentPending && !paymentCaptured ? OrderStatus.PENDING_PAYMENT : OrderStatus.PENDING;
  }

  /** Whether the event of every step, up to the stock being sold, is recorded, in whatever order they came. */
  public boolean everyStepRecorded() {
    return stockReserved && paymentCaptured && shipmentCreated && stockCommitted;
  }

  /** Whether every step known to have taken effect has been undone. */
  public boolean compensated() {
    return (!stockReserved || stockReleased) && (!paymentCaptured || paymentRefunded)
        && (!shipmentCreated || shipmentCancelled);
  }

  /** The W3C trace context of the request that placed the order: every event of the order belongs to that trace. */
  public JsonObject traceContext() {
    return traceContext;
  }

  public SagaMode sagaMode() {
    return sagaMode;
  }

  /** Whether the order was confirmed, even if the customer cancelled it afterwards. */
  public boolean wasConfirmed() {
    return confirmed;
  }

  public boolean compensationRequested() {
    return compensationRequested;
  }

  public UUID id() {
    return id;
  }

  public int version() {
    return version;
  }

  public String userId() {
    return userId;
  }

  public String email() {
    return email;
  }

  public JsonArray lines() {
    return lines;
  }

  public long totalMinor() {
    return totalMinor;
  }

  public String currency() {
    return currency;
  }

  public String shippingAddress() {
    return shippingAddress;
  }

  public boolean userValidated() {
    return userValidated;
  }

  public boolean stockReserved() {
    return stockReserved;
  }

  public boolean paymentPending() {
    return paymentPending;
  }

  public boolean paymentCaptured() {
    return paymentCaptured;
  }

  public boolean shipmentCreated() {
    return shipmentCreated;
  }

  public boolean stockCommitted() {
    return stockCommitted;
  }

  public String failureReason() {
    return failureReason;
  }

  public String paymentId() {
    return paymentId;
  }

  public String trackingNumber() {
    return trackingNumber;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
