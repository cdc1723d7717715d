package shop.platform.ids;

import java.util.Optional;
import java.util.UUID;

/** Ids that arrive as text (event-bus arguments, event keys): a UUID, or nothing. */
public final class Uuids {

  private Uuids() {
  }

  /** The UUID the text spells, or empty if it is null or not a UUID. */
  public static Optional<UUID> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
