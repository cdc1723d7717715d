package shop.shipping.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

  @Test
  void anAddressMentioningUndeliverableInAnyCaseIsRejected() {
    assertThat(DeliveryRules.rejection("1 UNDELIVERABLE Road")).contains("UNDELIVERABLE_ADDRESS");
    assertThat(DeliveryRules.rejection("the undeliverable street 5")).contains("UNDELIVERABLE_ADDRESS");
    assertThat(DeliveryRules.rejection("Nowhere, UnDeliverable")).contains("UNDELIVERABLE_ADDRESS");
    assertThat(DeliveryRules.rejection("1 Main Street, Springfield")).isEmpty();
    assertThat(DeliveryRules.rejection("Deliverable Lane 3")).isEmpty();
  }

  @Test
  void trackingNumbersAreShpAndTenRandomUpperCaseLettersOrDigits() {
    var numbers = IntStream.range(0, 1000).mapToObj(i -> DeliveryRules.newTrackingNumber()).toList();

    assertThat(numbers).allMatch(number -> number.matches("SHP-[A-Z0-9]{10}"));
    assertThat(numbers).doesNotHaveDuplicates();
  }
}
