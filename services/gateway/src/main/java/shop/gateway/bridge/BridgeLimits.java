package shop.gateway.bridge;

import shop.platform.config.ServiceConfig;

/**
 * The limits both bridges hold every client to ({@code bridge.*}).
 *
 * @param maxFrameBytes the largest frame (TCP) or WebSocket message (SockJS) a client may send
 * @param maxConnections connections open at once, per bridge and gateway instance
 * @param maxRegistrations addresses one connection may listen to at once
 * @param idleTimeoutMs how long a connection may stay silent (no frame, not even a ping) before it is closed
 * @param replyTimeoutMs how long a request waits for its answer
 */
public record BridgeLimits(int maxFrameBytes, int maxConnections, int maxRegistrations, long idleTimeoutMs,
    int replyTimeoutMs) {

  public static BridgeLimits fromConfig(ServiceConfig config) {
    return new BridgeLimits(config.getInt("bridge.max-frame-bytes"), config.getInt("bridge.max-connections"),
        config.getInt("bridge.max-registrations"), config.getLong("bridge.idle-timeout-ms"),
        config.getInt("bridge.reply-timeout-ms"));
  }
}
