package io.wirefeed.publish;

import static io.wirefeed.publish.Fixtures.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.Article;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 8: two normalize instances in one consumer group split the raw partitions, and when one stops
 * the other takes its partitions over; every article is published exactly once.
 */
class ArticleProcessorScaleOutTest {
  private static final int PARTITIONS = 4;
  private static final int HALF = 200;
  private static final Duration TIMEOUT = Fixtures.TIMEOUT;
  private static final Set<Integer> ALL_PARTITIONS = Set.of(0, 1, 2, 3);

  @TempDir
  static Path brokerDir;

  private static EmbeddedKafka kafka;

  private Instance a;
  private Instance b;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @AfterEach
  void stopInstances() throws InterruptedException {
    for (Instance i : new Instance[] {a, b}) {
      if (i != null) {
        i.stop();
      }
    }
  }

  @Test
  void twoInstancesSplitTheRawPartitionsAndTheSurvivorTakesOverWhenOneStops() throws Exception {
    Topics topics = Topics.withPrefix("scale.").withPartitions(PARTITIONS);
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    a = new Instance(topics, "normalize-a");
    b = new Instance(topics, "normalize-b");
    assertThat(a.processor.assigned()).as("assigned before running").isFalse();

    a.thread.start();
    b.thread.start();
    awaitUntil("both instances hold partitions, together all of them", () -> a.processor.assigned()
        && b.processor.assigned() && union(a, b).equals(ALL_PARTITIONS));
    Set<Integer> heldByB = b.processor.assignedPartitions();
    assertThat(a.processor.assignedPartitions()).doesNotContainAnyElementsOf(heldByB);

    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      publishAll(publisher, 0, HALF);
      awaitUntil(HALF + " documents processed", () -> a.processor.processed() + b.processor.processed() == HALF);
      assertThat(a.processor.processed()).as("processed by a").isPositive();
      assertThat(b.processor.processed()).as("processed by b").isPositive();

      b.stop();
      assertThat(b.processor.assigned()).as("b after close").isFalse();
      awaitUntil("a holds every partition", () -> a.processor.assignedPartitions().equals(ALL_PARTITIONS));
      publishAll(publisher, HALF, 2 * HALF);
      awaitUntil("all documents processed", () -> a.processor.processed() + b.processor.processed() == 2 * HALF);
    }

    Map<String, Integer> rawPartition = TopicContents.read(kafka.bootstrapServers(), topics.raw().name(),
        2 * HALF, TIMEOUT).stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::partition));
    Set<String> takenOver = a.rawIds.stream()
        .filter(id -> heldByB.contains(rawPartition.get(id)))
        .collect(Collectors.toSet());
    assertThat(takenOver).as("documents on b's former partitions that a processed").isNotEmpty()
        .allMatch(id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) >= HALF);
    assertThat(b.rawIds).as("documents b processed").isNotEmpty().doesNotContainAnyElementsOf(a.rawIds)
        .allMatch(id -> heldByB.contains(rawPartition.get(id)));
    List<ConsumerRecord<String, String>> articles =
        TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2 * HALF, TIMEOUT);
    assertThat(articles.size()).as("articles").isEqualTo(2 * HALF);
    assertThat(articles.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
        .isEqualTo(IntStream.range(0, 2 * HALF).mapToObj(i -> "art-" + docId(i)).collect(Collectors.toSet()));
    assertThat(articles).allSatisfy(r ->
        assertThat(WireJson.mapper().readValue(r.value(), Article.class).version()).isEqualTo(1));
  }

  private static void publishAll(RawPublisher publisher, int from, int to) throws Exception {
    RawDocument template = Fixtures.raw("ap-lima-en.json");
    CompletableFuture<?>[] sent = IntStream.range(from, to)
        .mapToObj(i -> publisher.publish(Fixtures.withBody(Fixtures.withId(template, docId(i)),
            template.body() + "\n\nUpdate " + i)))
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(sent).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static String docId(int i) {
    return "ap-quake-" + i;
  }

  private static Set<Integer> union(Instance x, Instance y) {
    Set<Integer> all = new HashSet<>(x.processor.assignedPartitions());
    all.addAll(y.processor.assignedPartitions());
    return all;
  }


  /** One normalize instance on its own thread, remembering the raw ids it published articles for. */
  private static final class Instance {
    final Set<String> rawIds = ConcurrentHashMap.newKeySet();
    final ArticleProcessor processor;
    final Thread thread;

    Instance(Topics topics, String transactionalId) {
      processor = new ArticleProcessor(kafka.bootstrapServers(), topics, "normalize", transactionalId,
          Fixtures::fakeNormalize, new ProcessorListener() {
            @Override
            public void published(Article article) {
              rawIds.add(article.rawId());
            }
          });
      thread = new Thread(processor, transactionalId);
    }

    void stop() throws InterruptedException {
      processor.close();
      thread.join(TIMEOUT.toMillis());
      assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
    }
  }
}
