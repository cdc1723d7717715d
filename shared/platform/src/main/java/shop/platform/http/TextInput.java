package shop.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.platform.http.Problem.FieldError;

/**
 * The text the shop takes from clients. PostgreSQL refuses NUL in text, and control characters or
 * a lone UTF-16 surrogate (which becomes {@code ?} in UTF-8) would corrupt what is stored, so every
 * string that reaches a database passes here first: body fields, query and path parameters, headers.
 */
public final class TextInput {

  private TextInput() {
  }

  /**
   * Why the text is refused, or empty when it is acceptable: it holds a C0 control character (tab
   * and line breaks only when {@code multiline}) or a lone surrogate.
   */
  public static Optional<String> refusal(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
        return Optional.of(c == 0 ? "must not contain NUL characters" : "must not contain control characters");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("must not contain a lone UTF-16 surrogate");
      }
    }
    return Optional.empty();
  }

  /**
   * Adds an error for each string or member name anywhere in a JSON value that holds what no field
   * accepts: NUL, control characters other than tab and line breaks, lone surrogates. Which fields
   * must be a single line is for each field's own check to say.
   */
  public static void checkJson(Object json, String field, List<FieldError> errors) {
    if (json instanceof String text) {
      refusal(text, true).ifPresent(reason -> errors.add(new FieldError(field.isEmpty() ? "body" : field, reason)));
    } else if (json instanceof JsonObject object) {
      for (Map.Entry<String, Object> member : object) {
        String name = field.isEmpty() ? member.getKey() : field + "." + member.getKey();
        checkJson(member.getKey(), name, errors);
        checkJson(member.getValue(), name, errors);
      }
    } else if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        checkJson(array.getValue(i), field + "[" + i + "]", errors);
      }
    }
  }

  /**
   * Why a header value is refused, or empty: HTTP field values hold no control characters but tab
   * (RFC 9110, 5.5).
   */
  public static Optional<String> headerRefusal(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return Optional.of("must not contain control characters");
      }
    }
    return Optional.empty();
  }
}
