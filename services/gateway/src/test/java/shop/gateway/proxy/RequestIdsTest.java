package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void startsSampledTracesWithNonZeroIds() {
    Set<String> traces = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String traceparent = RequestIds.newTraceparent();
      assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(RequestIds.validTraceparent(traceparent)).isTrue();
      traces.add(traceparent.substring(3, 35));
    }
    assertThat(traces).hasSize(1000);
  }

  @Test
  void rejectsTraceparentsTheW3cSpecRejects() {
    assertThat(RequestIds.validTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).isTrue();
    assertThat(RequestIds.validTraceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01")).isFalse();
    assertThat(RequestIds.validTraceparent("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")).isFalse();
    assertThat(RequestIds.validTraceparent("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).isFalse();
    assertThat(RequestIds.validTraceparent("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")).isFalse();
    assertThat(RequestIds.validTraceparent("not a traceparent")).isFalse();
  }

  @Test
  void makesVersion4RequestIds() {
    UUID id = UUID.fromString(RequestIds.randomUuid());
    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(RequestIds.randomUuid()).isNotEqualTo(RequestIds.randomUuid());
  }
}
