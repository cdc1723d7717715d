package shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import shop.contracts.events.EventType;

class EventEnvelopeTest {

  @Test
  void anEventIsNamedAndVersionedByItsType() {
    EventEnvelope event = EventEnvelope.of(EventType.STOCK_RESERVED, "o-1", new JsonObject().put("orderId", "o-1"));

    JsonObject json = event.toJson();
    assertThat(json.fieldNames()).containsExactly("id", "type", "schemaVersion", "aggregateId", "occurredAt",
        "traceContext", "data");
    assertThat(json.getString("type")).isEqualTo("stock.reserved");
    assertThat(json.getInteger("schemaVersion")).isEqualTo(EventType.STOCK_RESERVED.schemaVersion());
    assertThat(EventEnvelope.fromJson(json)).isEqualTo(event);
  }

  @Test
  void anEventIsOfItsTypeOnly() {
    EventEnvelope event = EventEnvelope.of(EventType.PAYMENT_CAPTURED, "o-1", new JsonObject());

    assertThat(event.is(EventType.PAYMENT_CAPTURED)).isTrue();
    assertThat(event.is(EventType.PAYMENT_DECLINED)).isFalse();
  }
}
