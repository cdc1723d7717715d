package shop.gateway.routing;

/** One running instance of a service, as Consul knows it. */
public record Instance(String id, String host, int port) {
}
