package shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.inventory.OrderLine;

class OrderSnapshotTest {

  private final OrderSnapshot snapshot = new OrderSnapshot("o-1", "u-1", "ann@example.com",
      List.of(new OrderLine("p-1", 2)), 3100, "EUR", "1 Main St");

  @Test
  void itTravelsAsTheOrderObjectOfTheChoreography() {
    assertThat(snapshot.toJson().encode()).isEqualTo("{\"orderId\":\"o-1\",\"userId\":\"u-1\","
        + "\"email\":\"ann@example.com\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":2}],"
        + "\"amountMinor\":3100,\"currency\":\"EUR\",\"shippingAddress\":\"1 Main St\"}");
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    JsonObject json = snapshot.toJson();

    assertThat(OrderSnapshot.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void fieldsOfAnotherTypeReadAsMissing() {
    OrderSnapshot read = OrderSnapshot.fromJson(new JsonObject().put("orderId", 7).put("amountMinor", "3100")
        .put("lines", "none"));

    assertThat(read.orderId()).isNull();
    assertThat(read.userId()).isNull();
    assertThat(read.amountMinor()).isZero();
    assertThat(read.lines()).isEmpty();
  }

  @Test
  void oneMalformedLineLeavesNoLines() {
    JsonArray lines = new JsonArray().add(new JsonObject().put("productId", "p-1").put("quantity", 1))
        .add(new JsonObject().put("productId", "p-2").put("quantity", "two"));

    assertThat(OrderSnapshot.fromJson(new JsonObject().put("lines", lines)).lines()).isEmpty();
  }
}
