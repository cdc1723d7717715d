package shop.platform.http;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as the shop stores them: lower case, Unicode NFC, one {@code @} between a local
 * part of at most 64 characters and a dotted domain, no spaces or control characters. The pattern
 * in the API contract ({@code openapi.yaml}) says the same.
 */
public final class Emails {

  public static final int MAX_LENGTH = 254;
  private static final String ATOM = "[^@.\\u0000-\\u0020\\u007F-\\u009F]+";
  private static final Pattern EMAIL = Pattern.compile(
      "^[^@\\u0000-\\u0020\\u007F-\\u009F]{1,64}@(?:" + ATOM + "\\.)+" + ATOM + "$");

  private Emails() {
  }

  /** The address in the form it is stored and compared in. */
  public static String normalise(String email) {
    return Normalizer.normalize(email, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  public static boolean isValid(String email) {
    return email.length() <= MAX_LENGTH && EMAIL.matcher(email).matches() && TextInput.refusal(email, false).isEmpty();
  }
}
