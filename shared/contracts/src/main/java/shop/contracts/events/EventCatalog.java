package shop.contracts.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the shop, the constants of the catalogues {@link EventType} permits, and look-ups in them. */
public final class EventCatalog {

  private static final List<EventType> ALL = Arrays.stream(EventType.class.getPermittedSubclasses())
      .flatMap(catalogue -> Arrays.stream(catalogue.getEnumConstants()))
      .map(EventType.class::cast)
      .toList();

  // toUnmodifiableMap refuses a name given twice, so two types can never share one.
  private static final Map<String, EventType> BY_NAME = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

  private EventCatalog() {
  }

  public static List<EventType> all() {
    return ALL;
  }

  /** The event type of that name ({@code order.created}), if the shop has one. */
  public static Optional<EventType> named(String type) {
    return Optional.ofNullable(BY_NAME.get(type));
  }

  /** The topics of the event types, each once, in alphabetical order: what a consumer of them subscribes to. */
  public static List<String> topicsOf(Collection<? extends EventType> types) {
    return types.stream().map(EventType::topic).distinct().sorted().toList();
  }
}
