package io.wirefeed.publish;

import static io.wirefeed.publish.Fixtures.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once normalize loop against a real in-process broker, with a stand-in normalizer. */
class ArticleProcessorTest {
  private static final Duration TIMEOUT = Fixtures.TIMEOUT;
  private static final AtomicInteger RUN = new AtomicInteger();

  @TempDir
  static Path brokerDir;

  private static EmbeddedKafka kafka;

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<Running> running = new ArrayList<>();
  private Topics topics;
  private RawPublisher publisher;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void freshTopics() {
    topics = Topics.withPrefix("run" + RUN.incrementAndGet() + ".");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), TIMEOUT);
    publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of());
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    publisher.close();
    for (Running r : running) {
      r.stop();
    }
  }

  @Test
  void publishesAcceptedArticleWithItsHeaders() throws Exception {
    RawDocument doc = Fixtures.raw("afp-dakar-fr.json");
    Running processor = start("normalize", "normalize-1");

    publisher.publish(doc).get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("published art-afp-fr-2024-0412-dakar-port v1");
    ConsumerRecord<String, String> record = single(topics.articles().name());
    assertThat(record.key()).isEqualTo("art-afp-fr-2024-0412-dakar-port");
    assertThat(header(record, "wirefeed-schema-version")).isEqualTo("1");
    assertThat(header(record, "wirefeed-agency")).isEqualTo("AFP");
    assertThat(header(record, "wirefeed-language")).isEqualTo("fr");
    assertThat(header(record, "content-type")).isEqualTo("application/json");
    Article article = WireJson.mapper().readValue(record.value(), Article.class);
    assertThat(article.version()).isEqualTo(1);
    assertThat(article.rawId()).isEqualTo(doc.id());
    assertThat(processor.processor.published()).isEqualTo(1);
    assertThat(processor.processor.processed()).isEqualTo(1);
  }

  @Test
  void rejectedUndecodableAndFailingDocumentsLandOnTheDeadLetterTopic() throws Exception {
    RawDocument rejected = Fixtures.withId(Fixtures.withBody(Fixtures.raw("ap-lima-en.json"), ""), "ap-empty");
    RawDocument failing = Fixtures.withId(Fixtures.withBody(Fixtures.raw("ap-lima-en.json"), "BOOM"), "ap-boom");
    Running processor = start("normalize", "normalize-1");

    publisher.publish(rejected).get(30, TimeUnit.SECONDS);
    publisher.publish(failing).get(30, TimeUnit.SECONDS);
    try (KafkaProducer<String, String> plain = new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      plain.send(new ProducerRecord<>(topics.raw().name(), "garbled-1", "{\"id\": \"garbled-1\", \"url\": "))
          .get(30, TimeUnit.SECONDS);
    }

    assertThat(List.of(next(), next(), next())).containsExactlyInAnyOrder(
        "dead ap-empty normalize", "dead ap-boom normalize", "dead garbled-1 decode");
    Map<String, DeadLetter> letters = new HashMap<>();
    for (ConsumerRecord<String, String> r : TopicContents.read(kafka.bootstrapServers(), topics.dlq().name(), 3,
        TIMEOUT)) {
      letters.put(r.key(), WireJson.mapper().readValue(r.value(), DeadLetter.class));
      assertThat(header(r, "wirefeed-stage")).isIn("normalize", "decode");
    }
    assertThat(letters).hasSize(3);
    assertThat(letters.get("ap-empty").reason()).isEqualTo("Empty body: nothing to extract");
    assertThat(letters.get("ap-empty").raw()).isEqualTo(rejected);
    assertThat(letters.get("ap-boom").reason()).contains("extractor blew up on ap-boom");
    assertThat(letters.get("garbled-1").stage()).isEqualTo("decode");
    assertThat(letters.get("garbled-1").reason()).contains("Invalid RawDocument JSON");
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 0, TIMEOUT)).isEmpty();
    assertThat(processor.processor.deadLettered()).isEqualTo(3);
  }

  @Test
  void sameDocumentAgainPublishesNothingAndAChangedBodyBecomesVersionTwo() throws Exception {
    RawDocument doc = Fixtures.raw("ap-lima-en.json");
    RawDocument corrected = Fixtures.withBody(doc, doc.body().replace("6.1", "6.3"));
    Running processor = start("normalize", "normalize-1");

    publisher.publish(doc).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v1");
    publisher.publish(doc).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("unchanged art-ap-en-2024-0519-lima-quake v1");
    publisher.publish(corrected).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v2");

    List<ConsumerRecord<String, String>> articles =
        TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2, TIMEOUT);
    assertThat(articles).extracting(ConsumerRecord::key).containsOnly("art-ap-en-2024-0519-lima-quake");
    assertThat(articles).extracting(r -> WireJson.mapper().readValue(r.value(), Article.class))
        .extracting(Article::version, a -> a.body().contains("6.3"))
        .containsExactly(tuple(1, false), tuple(2, true));
    assertThat(processor.processor.unchanged()).isEqualTo(1);
  }

  @Test
  void newConsumerBootstrapsTheLatestVersionOfEveryArticleFromTheCompactedTopic() throws Exception {
    // Compaction made quick (segments roll after 100 ms, the cleaner looks every 200 ms), so the reader below
    // is shown a log the cleaner really compacted, not merely every version ever written.
    ConfigResource articlesTopic = new ConfigResource(ConfigResource.Type.TOPIC, topics.articles().name());
    ConfigResource allBrokers = new ConfigResource(ConfigResource.Type.BROKER, "");
    alterConfig(articlesTopic, "segment.ms", "100");
    alterConfig(articlesTopic, "min.cleanable.dirty.ratio", "0.01");
    alterConfig(allBrokers, "log.cleaner.backoff.ms", "200");
    try {
      RawDocument template = Fixtures.raw("afp-dakar-fr.json");
      Map<String, String> expectedBody = new HashMap<>();
      Map<String, Integer> expectedVersion = new HashMap<>();
      start("normalize", "normalize-1");
      int written = 0;
      // 12 stories; every second one corrected once, every fourth twice; every third re-sent unchanged.
      for (int round = 1; round <= 3; round++) {
        for (int i = 0; i < 12; i++) {
          if (round == 2 && i % 2 != 0 || round == 3 && i % 4 != 0) {
            continue;
          }
          String body = template.body() + "\n\nStory " + i + (round == 1 ? "" : ", correction " + (round - 1));
          RawDocument doc = Fixtures.withBody(Fixtures.withId(template, "afp-" + i), body);
          publisher.publish(doc).get(30, TimeUnit.SECONDS);
          assertThat(next()).isEqualTo("published art-afp-" + i + " v" + round);
          written++;
          expectedBody.put("art-afp-" + i, body);
          expectedVersion.put("art-afp-" + i, round);
          if (i % 3 == 0) {
            publisher.publish(doc).get(30, TimeUnit.SECONDS);
            assertThat(next()).isEqualTo("unchanged art-afp-" + i + " v" + round);
          }
        }
      }

      // New articles roll segments (compaction never touches the active one) until the cleaner has been.
      List<ConsumerRecord<String, String>> log = TopicContents.read(kafka.bootstrapServers(),
          topics.articles().name(), expectedBody.size(), TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      for (int nudge = 0; log.size() >= written; nudge++) {
        assertThat(System.nanoTime()).as("compaction within " + TIMEOUT).isLessThan(deadline);
        String body = template.body() + "\n\nLate story " + nudge;
        publisher.publish(Fixtures.withBody(Fixtures.withId(template, "afp-late-" + nudge), body))
            .get(30, TimeUnit.SECONDS);
        assertThat(next()).isEqualTo("published art-afp-late-" + nudge + " v1");
        written++;
        expectedBody.put("art-afp-late-" + nudge, body);
        expectedVersion.put("art-afp-late-" + nudge, 1);
        log = TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), expectedBody.size(), TIMEOUT);
      }

      // What a downstream team's new consumer does: read from the beginning, the last record per key wins.
      Map<String, Article> latest = new HashMap<>();
      for (ConsumerRecord<String, String> r : log) {
        latest.put(r.key(), WireJson.mapper().readValue(r.value(), Article.class));
      }
      assertThat(log.size()).as("records left after compaction").isLessThan(written);
      assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(expectedBody.keySet());
      latest.forEach((id, article) -> {
        assertThat(article.version()).as("version of " + id).isEqualTo(expectedVersion.get(id));
        assertThat(article.body()).as("body of " + id).isEqualTo(expectedBody.get(id));
      });
    } finally {
      alterConfig(allBrokers, "log.cleaner.backoff.ms", null);
    }
  }

  @Test
  void readCommittedConsumerSeesEachArticleExactlyOnce() throws Exception {
    RawDocument template = Fixtures.raw("afp-dakar-fr.json");
    start("normalize", "normalize-1");

    for (int i = 0; i < 40; i++) {
      publisher.publish(Fixtures.withBody(Fixtures.withId(template, "afp-" + i), template.body() + "\n\n" + i));
    }
    publisher.flush();
    for (int i = 0; i < 40; i++) {
      assertThat(next()).startsWith("published");
    }

    List<ConsumerRecord<String, String>> articles =
        TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 40, TIMEOUT);
    assertThat(articles).hasSize(40).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
  }

  @Test
  void restartedProcessorKnowsPublishedVersionsFromTheArticlesTopic() throws Exception {
    RawDocument doc = Fixtures.raw("ap-lima-en.json");
    Running first = start("normalize", "normalize-1");
    publisher.publish(doc).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v1");
    first.stop();

    // A new group re-reads the raw topic from the start: only the versions read back from articles stop a v2.
    start("normalize-replay", "normalize-2");
    assertThat(next()).isEqualTo("unchanged art-ap-en-2024-0519-lima-quake v1");
    publisher.publish(Fixtures.withBody(doc, doc.body() + "\n\nThis story has been corrected.")).get(30,
        TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v2");

    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2, TIMEOUT)).hasSize(2);
  }

  @Test
  void closeBeforeRunReleasesTheClientsAndRunThenRefuses() {
    ArticleProcessor processor = new ArticleProcessor(kafka.bootstrapServers(), topics, "idle", "idle-1",
        Fixtures::fakeNormalize, ProcessorListener.noOp());

    processor.close();

    assertThatThrownBy(processor::run).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("idle-1");
  }

  @Test
  void failedTransactionIsAbortedAndRetriedWithoutLossOrDuplicate() throws Exception {
    // The articles topic refuses the article until the limit is lifted: every transaction fails and is aborted.
    setArticlesMaxMessageBytes("300");
    Running processor = start("normalize", "normalize-1");
    publisher.publish(Fixtures.raw("ap-lima-en.json")).get(30, TimeUnit.SECONDS);
    awaitUntil("two aborted transactions", () -> processor.processor.aborted() >= 2);
    assertThat(events).isEmpty();
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 0, TIMEOUT)).isEmpty();

    setArticlesMaxMessageBytes(null);

    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v1");
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 1, TIMEOUT)).hasSize(1);
    assertThat(processor.processor.processed()).isEqualTo(1);
  }

  @Test
  void secondInstanceWithTheSameTransactionalIdFencesTheFirst() throws Exception {
    Running zombie = start("normalize-a", "normalize-shared");
    publisher.publish(Fixtures.raw("afp-dakar-fr.json")).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-afp-fr-2024-0412-dakar-port v1");
    start("normalize-b", "normalize-shared");
    assertThat(next()).isEqualTo("unchanged art-afp-fr-2024-0412-dakar-port v1");

    publisher.publish(Fixtures.raw("ap-lima-en.json")).get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v1");
    zombie.thread.join(TIMEOUT.toMillis());
    assertThat(zombie.thread.isAlive()).isFalse();
    assertThat(zombie.failure.get()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("normalize-shared cannot go on");
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2, TIMEOUT))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("art-afp-fr-2024-0412-dakar-port", "art-ap-en-2024-0519-lima-quake");
    assertThat(events).isEmpty();
  }

  @Test
  void restartUnderTheSameIdInTheSameGroupStopsTheIdleOldInstance() throws Exception {
    Running zombie = start("normalize", "normalize-1");
    publisher.publish(Fixtures.raw("afp-dakar-fr.json")).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-afp-fr-2024-0412-dakar-port v1");

    Running restarted = start("normalize", "normalize-1");

    // The old instance has nothing to send, so only the group can tell it (same static member id): it stops.
    zombie.thread.join(TIMEOUT.toMillis());
    assertThat(zombie.thread.isAlive()).isFalse();
    assertThat(zombie.failure.get()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("normalize-1 cannot go on");
    awaitUntil("the restarted instance assigned", () -> restarted.processor.assigned());
    publisher.publish(Fixtures.raw("ap-lima-en.json")).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published art-ap-en-2024-0519-lima-quake v1");
    assertThat(restarted.processor.processed()).isEqualTo(1);
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2, TIMEOUT))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("art-afp-fr-2024-0412-dakar-port", "art-ap-en-2024-0519-lima-quake");
    assertThat(events).isEmpty();
  }

  private void setArticlesMaxMessageBytes(String value) throws Exception {
    alterConfig(new ConfigResource(ConfigResource.Type.TOPIC, topics.articles().name()), "max.message.bytes", value);
  }

  /** Sets {@code name} on {@code resource}, or removes the override when {@code value} is null. */
  private static void alterConfig(ConfigResource resource, String name, String value) throws Exception {
    AlterConfigOp op = value == null
        ? new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE)
        : new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }
  }


  private Running start(String groupId, String transactionalId) {
    ArticleProcessor processor = new ArticleProcessor(kafka.bootstrapServers(), topics, groupId, transactionalId,
        Fixtures::fakeNormalize, Fixtures.recording(events));
    Thread thread = new Thread(processor, "normalize-" + transactionalId);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    Running r = new Running(processor, thread, failure);
    thread.start();
    running.add(r);
    return r;
  }

  private String next() throws InterruptedException {
    String event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("a processor event within " + TIMEOUT).isNotNull();
    return event;
  }

  private ConsumerRecord<String, String> single(String topic) {
    List<ConsumerRecord<String, String>> records = TopicContents.read(kafka.bootstrapServers(), topic, 1, TIMEOUT);
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private record Running(ArticleProcessor processor, Thread thread, AtomicReference<Throwable> failure) {
    void stop() throws InterruptedException {
      processor.close();
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(thread.isAlive()).as("processor thread stopped").isFalse();
    }
  }
}
