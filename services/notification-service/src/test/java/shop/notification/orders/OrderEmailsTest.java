package shop.notification.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.notification.orders.OrderEmails.Email;

class OrderEmailsTest {

  private static final UUID ORDER = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");

  @Test
  void amountsInMinorUnitsAreWrittenWithTheCurrencysDecimals() {
    assertThat(OrderEmails.amount(1250, "EUR")).isEqualTo("12.50 EUR");
    assertThat(OrderEmails.amount(5, "USD")).isEqualTo("0.05 USD");
    assertThat(OrderEmails.amount(0, "EUR")).isEqualTo("0.00 EUR");
    assertThat(OrderEmails.amount(1250, "JPY")).isEqualTo("1250 JPY");
    assertThat(OrderEmails.amount(1250, "KWD")).isEqualTo("1.250 KWD");
    assertThat(OrderEmails.amount(1250, "???")).as("unknown currency: two decimals").isEqualTo("12.50 ???");
  }

  @Test
  void aConfirmationNamesTheOrderAndTheAmountPaid() {
    Email email = OrderEmails.confirmed(ORDER, 1250, "EUR");

    assertThat(email.subject()).isEqualTo("Your order 1A2B3C4D is confirmed");
    assertThat(email.body()).contains(ORDER.toString()).contains("12.50 EUR");
  }

  @Test
  void aCancellationExplainsTheReasonInWords() {
    Email email = OrderEmails.cancelled(ORDER, "OUT_OF_STOCK");

    assertThat(email.subject()).isEqualTo("Your order 1A2B3C4D was cancelled");
    assertThat(email.body()).contains(ORDER.toString()).contains("cancelled: an item is out of stock.");
    assertThat(OrderEmails.cancelled(ORDER, "SOMETHING_NEW").body()).contains("cancelled: SOMETHING_NEW.");
    assertThat(OrderEmails.cancelled(ORDER, null).body()).contains("was cancelled. ");
  }
}
