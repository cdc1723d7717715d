package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ForwarderTest {

  @Test
  void copiesEndToEndHeadersWithAllTheirValues() {
    MultiMap from = HttpHeaders.headers()
        .add("Accept", "application/json")
        .add("Set-Cookie", "a=1")
        .add("Set-Cookie", "b=2")
        .add("Authorization", "Bearer x");
    MultiMap to = copied(from);

    assertThat(to.get("accept")).isEqualTo("application/json");
    assertThat(to.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(to.get("Authorization")).isEqualTo("Bearer x");
    assertThat(to.size()).isEqualTo(3);
  }

  @Test
  void dropsHopByHopHeadersWhateverTheirCase() {
    MultiMap from = HttpHeaders.headers()
        .add("connection", "keep-alive")
        .add("KEEP-ALIVE", "timeout=5")
        .add("Transfer-Encoding", "chunked")
        .add("Content-Length", "12")
        .add("host", "shop.example")
        .add("te", "trailers")
        .add("Upgrade", "h2c")
        .add("Proxy-Authorization", "Basic x")
        .add("X-Request-ID", "kept");
    MultiMap to = copied(from);

    assertThat(to.names()).containsExactly("X-Request-ID");
  }

  @Test
  void dropsTheHeadersTheConnectionHeaderNames() {
    MultiMap from = HttpHeaders.headers()
        .add("Connection", "close, X-Hop-Only ,x-other-hop")
        .add("X-Hop-Only", "1")
        .add("X-Other-Hop", "2")
        .add("X-End-To-End", "3");
    MultiMap to = copied(from);

    assertThat(to.names()).containsExactly("X-End-To-End");
  }

  private static MultiMap copied(MultiMap from) {
    MultiMap to = HttpHeaders.headers();
    Forwarder.copyEndToEnd(from, to);
    return to;
  }
}
