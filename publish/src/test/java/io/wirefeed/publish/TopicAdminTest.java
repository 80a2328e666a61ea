package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic creation, the raw publisher and the topic reader against a real in-process broker. */
class TopicAdminTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  static Path brokerDir;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void ensureTopicsCreatesTheFixedTopicsWithTheirCleanupPolicies() throws Exception {
    Topics topics = Topics.withPrefix("admin.");

    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      var described = admin.describeTopics(topics.all().stream().map(TopicSpec::name).toList())
          .allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(described.get("admin.wirefeed.raw.v1").partitions()).hasSize(3);
      assertThat(described.get("admin.wirefeed.ingest-state.v1").partitions()).hasSize(1);
      assertThat(cleanupPolicy(admin, "admin.wirefeed.raw.v1")).isEqualTo("delete");
      assertThat(cleanupPolicy(admin, "admin.wirefeed.articles.v1")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "admin.wirefeed.dlq.v1")).isEqualTo("delete");
      assertThat(cleanupPolicy(admin, "admin.wirefeed.quotes.v1")).isEqualTo("delete");
      assertThat(config(admin, "admin.wirefeed.quotes.v1").get("retention.ms").value()).isEqualTo("2592000000");
      assertThat(cleanupPolicy(admin, "admin.wirefeed.ingest-state.v1")).isEqualTo("compact");
      assertThat(config(admin, "admin.wirefeed.raw.v1").get("compression.type").value()).isEqualTo("zstd");
      assertThat(config(admin, "admin.wirefeed.dlq.v1").get("retention.ms").value()).isEqualTo("2592000000");
    }
  }

  @Test
  void ensureTopicsIsIdempotent() throws Exception {
    Topics topics = Topics.withPrefix("again.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);

    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .filteredOn(name -> name.startsWith("again.")).hasSize(5);
    }
  }

  /** Regression for KAFKA-15591: records sent right after topic creation were silently lost. */
  @Test
  void recordsPublishedRightAfterEnsureTopicsAreAllThere() throws Exception {
    Topics topics = Topics.withPrefix("fresh.");
    RawDocument template = Fixtures.raw("ap-lima-en.json");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);

    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        sent.add(publisher.publish(Fixtures.withId(template, "ap-" + i)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, String>> read =
        TopicContents.read(kafka.bootstrapServers(), topics.raw().name(), 30, TIMEOUT);
    assertThat(read).extracting(ConsumerRecord::key).hasSize(30).doesNotHaveDuplicates();
    RawDocument first = WireJson.mapper().readValue(read.get(0).value(), RawDocument.class);
    assertThat(first.body()).isEqualTo(template.body());
  }

  @Test
  void deadLetterIsKeyedByDocumentId() throws Exception {
    Topics topics = Topics.withPrefix("ingestdlq.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    DeadLetter letter = new DeadLetter("feed:ap-world", "ingest", "HTTP 503 from news.example-wire.com",
        Instant.parse("2024-05-19T14:00:00Z"), "https://news.example-wire.com/rss", null);

    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      publisher.deadLetter(letter).get(30, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, String>> read =
        TopicContents.read(kafka.bootstrapServers(), topics.dlq().name(), 1, TIMEOUT);
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("feed:ap-world");
      assertThat(WireJson.mapper().readValue(r.value(), DeadLetter.class)).isEqualTo(letter);
    });
  }

  @Test
  void publishingNullFailsTheFutureInsteadOfThrowing() {
    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), Topics.withPrefix("nulls."),
        Map.of())) {
      CompletableFuture<Void> sent = publisher.publish(null);

      assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasMessageContaining("null");
    }
  }

  @Test
  void tailStopsAtTheEndAndGivesRecordsInOffsetOrder() throws Exception {
    Topics topics = Topics.withPrefix("tail.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    RawDocument doc = Fixtures.raw("afp-dakar-fr.json");
    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      for (int i = 0; i < 5; i++) {
        publisher.publish(Fixtures.withId(doc, "afp-" + i));
      }
      publisher.flush();
    }
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    TopicReader.tail(kafka.bootstrapServers(), topics.raw().name(), false, Duration.ofSeconds(10), seen::add);

    assertThat(seen).extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("afp-0", "afp-1", "afp-2", "afp-3", "afp-4");
    assertThat(seen).filteredOn(r -> r.partition() == seen.get(0).partition())
        .extracting(ConsumerRecord::offset).isSorted();
  }

  @Test
  void tailOfAnEmptyTopicReturnsAtOnce() {
    Topics topics = Topics.withPrefix("empty.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long start = System.nanoTime();

    TopicReader.tail(kafka.bootstrapServers(), topics.ingestState().name(), false, Duration.ofSeconds(20),
        seen::add);

    assertThat(seen).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void followingTailSeesNewRecordsAndStopsWhenInterrupted() throws Exception {
    Topics topics = Topics.withPrefix("follow.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    BlockingQueue<String> keys = new LinkedBlockingQueue<>();
    Thread follower = new Thread(() -> TopicReader.tail(kafka.bootstrapServers(), topics.dlq().name(), true,
        Duration.ofSeconds(1), r -> keys.add(r.key())), "tail-follow");
    follower.start();

    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      publisher.deadLetter(new DeadLetter("late-1", "ingest", "timeout", Instant.now(), null, null))
          .get(30, TimeUnit.SECONDS);
    }

    assertThat(keys.poll(30, TimeUnit.SECONDS)).isEqualTo("late-1");
    follower.interrupt();
    follower.join(TIMEOUT.toMillis());
    assertThat(follower.isAlive()).isFalse();
  }

  @Test
  void tailOfAnUnknownTopicSaysSo() {
    assertThatThrownBy(() -> TopicReader.tail(kafka.bootstrapServers(), "no.such.topic", false,
        Duration.ofSeconds(1), r -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown topic: no.such.topic");
  }

  private static String cleanupPolicy(Admin admin, String topic) throws Exception {
    return config(admin, topic).get("cleanup.policy").value();
  }

  private static Config config(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
  }
}
