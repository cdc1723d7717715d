package shop.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

class NetworkTransportTest {

  @Test
  void takesTheNamedTransportWhereTheHostOffersIt() {
    assertThat(NetworkTransport.choose("nio")).isSameAs(Transport.NIO);
    assertThat(NetworkTransport.choose("epoll"))
        .isSameAs(Transport.EPOLL.available() ? Transport.EPOLL : Transport.NIO);
  }

  @Test
  void fallsBackFromIoUringToEpollThenNio() {
    Transport expected = Transport.IO_URING.available() ? Transport.IO_URING
        : Transport.EPOLL.available() ? Transport.EPOLL : Transport.NIO;
    assertThat(NetworkTransport.choose("io_uring")).isSameAs(expected);
  }

  @Test
  void refusesAnUnknownName() {
    assertThatThrownBy(() -> NetworkTransport.choose("kqueue-please"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io_uring, epoll or nio");
  }
}
