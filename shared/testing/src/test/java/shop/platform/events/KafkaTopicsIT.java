package shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.TopicDescription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.platform.resilience.StartupRetry;
import shop.testing.TestInfra;

/**
 * Brand-new topics against the real broker, ensured by two services starting at once: one creates
 * them, the other finds them created, and both ask for their leaders before the broker may know them.
 */
class KafkaTopicsIT {

  private final Vertx vertx = Vertx.vertx();
  private final KafkaAdminClient admin = KafkaAdminClient.create(vertx,
      Map.of("bootstrap.servers", TestInfra.kafkaBootstrapServers()));
  private final String prefix = "topics-it-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> topics = List.of(prefix + "-orders", prefix + "-payments");

  @AfterEach
  void cleanUp() {
    admin.deleteTopics(topics).eventually(admin::close).await();
    vertx.close().await();
  }

  @Test
  void twoServicesEnsuringTheSameNewTopicsAtOnceBothSucceed() {
    StartupRetry retry = StartupRetry.until(System.nanoTime() + Duration.ofSeconds(60).toNanos(), vertx);

    Future.all(
        KafkaTopics.ensure(vertx, TestInfra.kafkaBootstrapServers(), topics, retry),
        KafkaTopics.ensure(vertx, TestInfra.kafkaBootstrapServers(), topics, retry)).await();

    Map<String, TopicDescription> described = admin.describeTopics(topics).await();
    assertThat(described).containsOnlyKeys(topics);
    assertThat(described.values()).allSatisfy(topic -> assertThat(topic.getPartitions()).hasSize(3)
        .allSatisfy(partition -> assertThat(partition.getLeader()).isNotNull()));
  }
}
