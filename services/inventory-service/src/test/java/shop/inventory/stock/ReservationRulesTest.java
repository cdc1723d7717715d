package shop.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.inventory.OrderLine;
import shop.inventory.stock.Refusal.Reason;

class ReservationRulesTest {

  private static final UUID A = UUID.fromString("0a000000-0000-4000-8000-000000000000");
  private static final UUID B = UUID.fromString("f0000000-0000-4000-8000-000000000000");

  @Test
  void linesAreMergedPerProductAndSortedInPostgresUuidOrder() {
    // UUID.compareTo sees f0... as negative and would put it first; PostgreSQL puts it last.
    List<StockLine> lines = ReservationRules.normalize(List.of(
        new OrderLine(B.toString(), 1), new OrderLine(A.toString(), 2), new OrderLine(B.toString(), 3)));

    assertThat(lines).containsExactly(new StockLine(A, 2), new StockLine(B, 4));
  }

  @Test
  void noLinesANonPositiveQuantityOrAnOverflowingSumAreInvalid() {
    assertRefused(() -> ReservationRules.normalize(List.of()), Reason.INVALID_REQUEST);
    assertRefused(() -> ReservationRules.normalize(List.of(new OrderLine(A.toString(), 0))), Reason.INVALID_REQUEST);
    assertRefused(() -> ReservationRules.normalize(List.of(
        new OrderLine(A.toString(), Integer.MAX_VALUE), new OrderLine(A.toString(), 1))), Reason.INVALID_REQUEST);
  }

  @Test
  void aProductIdThatIsNotAUuidIsAnUnknownProduct() {
    assertRefused(() -> ReservationRules.normalize(List.of(new OrderLine("mug", 1))), Reason.UNKNOWN_PRODUCT);
  }

  @Test
  void everyLineMustBeAvailableInFull() {
    List<StockLine> lines = List.of(new StockLine(A, 2), new StockLine(B, 5));

    ReservationRules.checkAvailable(lines, Map.of(A, 2, B, 9));
    assertRefused(() -> ReservationRules.checkAvailable(lines, Map.of(A, 2, B, 4)), Reason.OUT_OF_STOCK);
    assertRefused(() -> ReservationRules.checkAvailable(lines, Map.of(A, 2)), Reason.UNKNOWN_PRODUCT);
  }

  private static void assertRefused(Runnable decision, Reason reason) {
    assertThatThrownBy(decision::run).isInstanceOfSatisfying(Refusal.class,
        refusal -> assertThat(refusal.reason()).isEqualTo(reason));
  }
}
