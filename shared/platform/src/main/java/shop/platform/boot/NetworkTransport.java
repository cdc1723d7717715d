package shop.platform.boot;

import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network transport every socket of a service runs on, from {@code vertx.transport}:
 * {@code io_uring} or {@code epoll} (Linux, native) or {@code nio} (Java, anywhere). A native
 * transport the host does not offer (another OS, io_uring disabled by the kernel or a seccomp
 * profile) falls back to epoll, then to NIO, with a warning.
 */
final class NetworkTransport {

  private static final Logger log = LoggerFactory.getLogger(NetworkTransport.class);

  private NetworkTransport() {
  }

  static Transport choose(String name) {
    Transport wanted = switch (name) {
      case "io_uring" -> Transport.IO_URING;
      case "epoll" -> Transport.EPOLL;
      case "nio" -> Transport.NIO;
      default -> throw new IllegalArgumentException("vertx.transport is io_uring, epoll or nio, not '" + name + "'");
    };
    if (isAvailable(wanted)) {
      return wanted;
    }
    Transport fallback = isAvailable(Transport.EPOLL) ? Transport.EPOLL : Transport.NIO;
    log.warn("the {} transport is not available here ({}); using {}", name,
        wanted == null ? "its classes are missing" : wanted.unavailabilityCause(), fallback.name());
    return fallback;
  }

  private static boolean isAvailable(Transport transport) {
    return transport != null && transport.available();
  }
}
