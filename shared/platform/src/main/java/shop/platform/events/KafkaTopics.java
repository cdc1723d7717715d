package shop.platform.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.admin.TopicDescription;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import shop.platform.resilience.StartupRetry;

/**
 * Creates a service's topics up front (the broker does not create topics on first use) and waits
 * until every partition has a leader: a burst sent to a brand-new topic can otherwise fail.
 *
 * <p>A topic just created, by this service or by another one starting at the same time, can be
 * unknown to the broker that answers the next metadata request for a moment (UnknownTopicOrPartition),
 * or still lack a leader; both are transient, so the whole step is retried until they pass.
 */
public final class KafkaTopics {

  private static final int PARTITIONS = 3;

  private KafkaTopics() {
  }

  public static Future<Void> ensure(Vertx vertx, String bootstrapServers, List<String> topics, StartupRetry retry) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, Map.of("bootstrap.servers", bootstrapServers));
    return retry.run("Kafka topics " + topics,
            () -> createMissing(admin, topics).compose(v -> checkLeaders(admin, topics)))
        .eventually(admin::close);
  }

  private static Future<Void> createMissing(KafkaAdminClient admin, List<String> topics) {
    return admin.listTopics().compose(existing -> {
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
      return missing.isEmpty() ? Future.<Void>succeededFuture()
          : admin.createTopics(missing).recover(e -> e.getMessage() != null
              && e.getMessage().contains("already exists") ? Future.succeededFuture() : Future.failedFuture(e));
    });
  }

  private static Future<Void> checkLeaders(KafkaAdminClient admin, List<String> topics) {
    return admin.describeTopics(topics).compose(descriptions -> descriptions.values().stream()
        .allMatch(KafkaTopics::hasLeaders)
        ? Future.succeededFuture()
        : Future.failedFuture(new LeaderNotAvailableException("a partition of " + topics + " has no leader yet")));
  }

  private static boolean hasLeaders(TopicDescription topic) {
    return topic.getPartitions().stream().allMatch(p -> p.getLeader() != null && !p.getLeader().isEmpty());
  }
}
