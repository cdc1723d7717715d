package shop.system.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.events.Audience;
import shop.contracts.events.EventType;
import shop.platform.events.EventHandler;

/**
 * Every event type the shop publishes is either public (for any client) or reacted to by a consumer
 * of the shop: an internal event nobody consumes is a saga step that leads nowhere. The consumers are
 * found on the classpath, which holds every service: each {@link EventHandler} class, whose
 * {@code REACTS_TO} declares the event types it reacts to.
 */
class EventContractsTest {

  private static final String REACTS_TO = "REACTS_TO";

  private static List<Class<?>> consumers;

  @BeforeAll
  static void findConsumers() throws IOException, URISyntaxException, ClassNotFoundException {
    consumers = new ArrayList<>();
    for (String name : shopClassNames()) {
      Class<?> type = Class.forName(name, false, EventContractsTest.class.getClassLoader());
      if (EventHandler.class.isAssignableFrom(type) && !type.isInterface()
          && !Modifier.isAbstract(type.getModifiers())) {
        consumers.add(type);
      }
    }
  }

  @Test
  void everyConsumerDeclaresTheTypesItReactsTo() {
    assertThat(consumers).extracting(Class::getSimpleName)
        .as("the consumers of the services")
        .contains("OrderEventHandler", "ChoreographedSaga", "StockSaga", "PaymentSaga", "ShippingSaga");
    assertThat(consumers).filteredOn(consumer -> reactsTo(consumer).isEmpty())
        .as("consumers without a public static Set<EventType> %s", REACTS_TO)
        .isEmpty();
  }

  @Test
  void everyInternalEventTypeHasAConsumer() {
    Set<EventType> consumed = new HashSet<>();
    consumers.forEach(consumer -> reactsTo(consumer).ifPresent(consumed::addAll));

    assertThat(EventType.values()).filteredOn(type -> type.audience() == Audience.INTERNAL)
        .filteredOn(type -> !consumed.contains(type))
        .as("internal event types no consumer reacts to: give each a consumer, or make it %s", Audience.PUBLIC)
        .isEmpty();
  }

  /** The consumer's REACTS_TO; empty if it declares none. */
  private static Optional<Set<EventType>> reactsTo(Class<?> consumer) {
    try {
      Field field = consumer.getField(REACTS_TO);
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Set<?> types
          && types.stream().allMatch(EventType.class::isInstance)) {
        return Optional.of(types.stream().map(EventType.class::cast).collect(Collectors.toSet()));
      }
      return Optional.empty();
    } catch (NoSuchFieldException | IllegalAccessException e) {
      return Optional.empty();
    }
  }

  /** The classes in package {@code shop} and below, from the directories and jars of the classpath. */
  private static List<String> shopClassNames() throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    for (URL root : Collections.list(EventContractsTest.class.getClassLoader().getResources("shop"))) {
      if (root.getProtocol().equals("jar")) {
        try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
          jar.stream().map(entry -> entry.getName()).filter(EventContractsTest::isClass)
              .forEach(path -> names.add(className(path)));
        }
      } else {
        Path classes = Path.of(root.toURI()).getParent();
        try (Stream<Path> files = Files.walk(classes.resolve("shop"))) {
          files.map(file -> classes.relativize(file).toString().replace('\\', '/')).filter(EventContractsTest::isClass)
              .forEach(path -> names.add(className(path)));
        }
      }
    }
    return names;
  }

  private static boolean isClass(String path) {
    return path.startsWith("shop/") && path.endsWith(".class") && !path.endsWith("package-info.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
