package shop.contracts.bridge;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An event seen on one of the shop's Kafka topics: where it is, its type, when it happened and its data. */
public record TopicEvent(String topic, int partition, long offset, String key, String type, Instant at,
    JsonObject payload) {

  public JsonObject toJson() {
    return new JsonObject().put("topic", topic).put("partition", partition).put("offset", offset).put("key", key)
        .put("type", type).put("at", at.toString()).put("payload", payload);
  }
}
