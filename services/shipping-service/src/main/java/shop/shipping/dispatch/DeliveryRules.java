package shop.shipping.dispatch;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** What the (simulated) carrier accepts, and the tracking numbers it hands out. */
public final class DeliveryRules {

  public static final String UNDELIVERABLE_ADDRESS = "UNDELIVERABLE_ADDRESS";

  private static final String TRACKING_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int TRACKING_LENGTH = 10;
  private static final SecureRandom random = new SecureRandom();

  private DeliveryRules() {
  }

  /** Why the carrier refuses the address, if it does: any address mentioning "undeliverable", in any case. */
  public static Optional<String> rejection(String address) {
    return address.toUpperCase(Locale.ROOT).contains("UNDELIVERABLE") ? Optional.of(UNDELIVERABLE_ADDRESS)
        : Optional.empty();
  }

  /** A new tracking number: {@code SHP-} and 10 random upper-case letters and digits. */
  public static String newTrackingNumber() {
    StringBuilder number = new StringBuilder("SHP-");
    for (int i = 0; i < TRACKING_LENGTH; i++) {
      number.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
    }
    return number.toString();
  }
}
