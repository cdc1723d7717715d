package shop.platform.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code cluster.host} and {@code advertised.host}: an address, or {@code auto} for the one this
 * host's own name resolves to, which is a container's or a pod's own address.
 */
final class HostAddress {

  static final String AUTO = "auto";

  private HostAddress() {
  }

  /** Resolves {@code auto}; a blocking lookup, made once before Vert.x starts. */
  static String resolve(String configured) {
    if (!AUTO.equals(configured)) {
      return configured;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("this host's own name does not resolve, so an 'auto' address cannot be found", e);
    }
  }
}
