package shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OrderOutcomesTest {

  @Test
  void aConfirmationCarriesWhomToTellAndWhatTheyPaid() {
    OrderConfirmed confirmed = new OrderConfirmed("o-1", "u-1", "ann@example.com", 1250, "EUR");

    assertThat(confirmed.toJson().encode()).isEqualTo("{\"orderId\":\"o-1\",\"userId\":\"u-1\","
        + "\"email\":\"ann@example.com\",\"totalMinor\":1250,\"currency\":\"EUR\"}");
    assertThat(OrderConfirmed.fromJson(confirmed.toJson())).isEqualTo(confirmed);
  }

  @Test
  void aCancellationMayHaveNoReason() {
    OrderCancelled cancelled = new OrderCancelled("o-1", "u-1", "ann@example.com", null);

    assertThat(cancelled.toJson().encode()).isEqualTo("{\"orderId\":\"o-1\",\"userId\":\"u-1\","
        + "\"email\":\"ann@example.com\",\"reason\":null}");
    assertThat(OrderCancelled.fromJson(cancelled.toJson())).isEqualTo(cancelled);
  }

  @Test
  void aMissingOrBlankFieldIsNamed() {
    JsonObject confirmed = new OrderConfirmed("o-1", "u-1", "ann@example.com", 1250, "EUR").toJson();

    assertThatThrownBy(() -> OrderConfirmed.fromJson(confirmed.copy().put("email", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("email is blank");
    assertThatThrownBy(() -> OrderConfirmed.fromJson(confirmed.copy().put("totalMinor", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("totalMinor is missing");
    assertThatThrownBy(() -> OrderCancelled.fromJson(new JsonObject().put("orderId", "o-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("userId is missing");
  }
}
