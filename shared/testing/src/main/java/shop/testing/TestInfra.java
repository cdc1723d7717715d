package shop.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the real infrastructure of the test profile listens. {@code ./shop test} starts it and
 * exports these variables; the defaults are the test profile's ports.
 */
public final class TestInfra {

  private TestInfra() {
  }

  public static String consulHost() {
    return env("CONSUL_HOST", "127.0.0.1");
  }

  public static int consulPort() {
    return Integer.parseInt(env("CONSUL_PORT", "18500"));
  }

  public static String consulUrl() {
    return "http://" + consulHost() + ":" + consulPort();
  }

  public static String kafkaBootstrapServers() {
    return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
  }

  public static int dbPort() {
    return Integer.parseInt(env("DB_PORT", "25432"));
  }

  public static String clusterName() {
    return env("CLUSTER_NAME", "shop-test");
  }

  public static int clusterPort() {
    return Integer.parseInt(env("CLUSTER_PORT", "15701"));
  }

  /** The environment a service JVM needs to reach the test infrastructure. */
  public static Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>();
    for (String name : new String[] {"CONSUL_HOST", "CONSUL_PORT", "KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT",
        "DB_USER", "DB_PASSWORD", "CLUSTER_NAME", "CLUSTER_PORT", "JWT_PUBLIC_KEY_FILE", "JWT_PRIVATE_KEY_FILE",
        "TRACING_ZIPKIN_URL"}) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putIfAbsent("CONSUL_PORT", String.valueOf(consulPort()));
    env.putIfAbsent("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
    env.putIfAbsent("DB_PORT", String.valueOf(dbPort()));
    env.putIfAbsent("CLUSTER_NAME", clusterName());
    env.putIfAbsent("CLUSTER_PORT", String.valueOf(clusterPort()));
    return env;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
