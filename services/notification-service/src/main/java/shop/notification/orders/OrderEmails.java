package shop.notification.orders;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The text of the emails about orders. */
public final class OrderEmails {

  private static final String SIGNATURE = "\n\nThe Shop";

  /** Order-service's cancellation reasons, as a customer reads them. */
  private static final Map<String, String> REASONS = Map.of(
      "OUT_OF_STOCK", "an item is out of stock",
      "UNKNOWN_PRODUCT", "an item is no longer sold",
      "PAYMENT_DECLINED", "the payment was declined",
      "SHIPPING_FAILED", "it could not be shipped",
      "UNKNOWN_USER", "your account could not be found",
      "CANCELLED_BY_CUSTOMER", "you cancelled it");

  private OrderEmails() {
  }

  /** An email's subject and text. */
  public record Email(String subject, String body) {
  }

  public static Email confirmed(UUID orderId, long totalMinor, String currency) {
    return new Email("Your order " + reference(orderId) + " is confirmed",
        "Hello,\n\nthank you for your order " + orderId + ". We have received your payment of "
            + amount(totalMinor, currency) + " and are preparing your parcel." + SIGNATURE);
  }

  public static Email cancelled(UUID orderId, String reason) {
    String why = reason == null ? "" : ": " + REASONS.getOrDefault(reason, reason);
    return new Email("Your order " + reference(orderId) + " was cancelled",
        "Hello,\n\nwe are sorry: your order " + orderId + " was cancelled" + why
            + ". Any payment taken for it is refunded." + SIGNATURE);
  }

  /** An amount in minor units as people write it: 1250 EUR is "12.50 EUR", 1250 JPY is "1250 JPY". */
  public static String amount(long minor, String currency) {
    return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString() + " " + currency;
  }

  private static int fractionDigits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 0 : digits;
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  /** The short order reference of a subject line: the first block of the order id. */
  private static String reference(UUID orderId) {
    return orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }
}
