package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void makesVersion4RequestIds() {
    UUID id = UUID.fromString(RequestIds.randomUuid());
    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(RequestIds.randomUuid()).isNotEqualTo(RequestIds.randomUuid());
  }
}
