package shop.platform.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.admin.TopicDescription;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates a service's topics up front (the broker does not create topics on first use) and waits
 * until every partition has a leader: a burst sent to a brand-new topic can otherwise fail.
 */
public final class KafkaTopics {

  private static final int PARTITIONS = 3;
  private static final long LEADER_WAIT_MS = 30_000;

  private KafkaTopics() {
  }

  public static Future<Void> ensure(Vertx vertx, String bootstrapServers, List<String> topics) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, Map.of("bootstrap.servers", bootstrapServers));
    return admin.listTopics()
        .compose(existing -> {
          List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
          return missing.isEmpty() ? Future.<Void>succeededFuture()
              : admin.createTopics(missing).recover(e -> e.getMessage() != null
                  && e.getMessage().contains("already exists") ? Future.succeededFuture() : Future.failedFuture(e));
        })
        .compose(v -> awaitLeaders(vertx, admin, topics, System.currentTimeMillis() + LEADER_WAIT_MS))
        .eventually(admin::close);
  }

  private static Future<Void> awaitLeaders(Vertx vertx, KafkaAdminClient admin, List<String> topics, long deadline) {
    return admin.describeTopics(topics).compose(descriptions -> {
      if (descriptions.values().stream().allMatch(KafkaTopics::hasLeaders)) {
        return Future.succeededFuture();
      }
      if (System.currentTimeMillis() > deadline) {
        return Future.failedFuture("no leader for the partitions of " + Set.copyOf(topics));
      }
      Promise<Void> retry = Promise.promise();
      vertx.setTimer(100, id -> awaitLeaders(vertx, admin, topics, deadline).onComplete(retry));
      return retry.future();
    });
  }

  private static boolean hasLeaders(TopicDescription topic) {
    return topic.getPartitions().stream().allMatch(p -> p.getLeader() != null && !p.getLeader().isEmpty());
  }
}
