package shop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

  private final Instance a = new Instance("a", "127.0.0.1", 1);
  private final Instance b = new Instance("b", "127.0.0.1", 2);
  private final Instance c = new Instance("c", "127.0.0.1", 3);
  private final ServiceInstances instances = new ServiceInstances("svc", 5_000);

  @Test
  void takesTurnsEvenly() {
    instances.update(List.of(a, b, c));
    Map<Instance, Integer> picks = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      picks.merge(instances.next(null, 0).orElseThrow(), 1, Integer::sum);
    }
    assertThat(picks).containsEntry(a, 100).containsEntry(b, 100).containsEntry(c, 100);
  }

  @Test
  void nothingToPickWithoutHealthyInstances() {
    assertThat(instances.next(null, 0)).isEmpty();
    instances.update(List.of(a));
    assertThat(instances.next(a, 0)).as("a retry never goes back to the instance that failed").isEmpty();
  }

  @Test
  void skipsAnEjectedInstanceUntilItsTimeIsUp() {
    instances.update(List.of(a, b));
    instances.eject(a, 1_000);
    for (int i = 0; i < 4; i++) {
      assertThat(instances.next(null, 2_000)).contains(b);
    }
    assertThat(List.of(instances.next(null, 6_000).orElseThrow(), instances.next(null, 6_000).orElseThrow()))
        .containsExactlyInAnyOrder(a, b);
  }

  @Test
  void triesAnEjectedInstanceRatherThanNone() {
    instances.update(List.of(a, b));
    instances.eject(a, 0);
    assertThat(instances.next(b, 100)).contains(a);
  }

  @Test
  void followsUpdates() {
    instances.update(List.of(a, b));
    instances.update(List.of(c));
    assertThat(instances.next(null, 0)).contains(c);
    assertThat(instances.next(null, 0)).contains(c);
  }
}
