package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.Article;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 1: the normalize service killed with SIGKILL at random points and restarted neither loses nor
 * duplicates an article. The processor runs in a child JVM, because only a process kill stops it with no close,
 * no flush and a transaction left open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleProcessorCrashTest {
  private static final int DOCUMENTS = 5_000;
  private static final int KILLS = 4;
  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(45);
  private static final String GROUP = "normalize";
  /** The same id for every incarnation: the restarted one fences the killed one's producer and group member. */
  private static final String TRANSACTIONAL_ID = "normalize-crashy";

  @TempDir
  static Path tempDir;

  private EmbeddedKafka kafka;
  private final List<Process> children = new ArrayList<>();

  @BeforeAll
  void startBroker() {
    kafka = EmbeddedKafka.start(tempDir.resolve("broker"));
  }

  @AfterAll
  void stopEverything() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void readCommittedConsumerSeesEveryArticleExactlyOnceAfterRepeatedKills() throws Exception {
    Topics topics = Topics.withPrefix("crash.");
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics.all(), PHASE_TIMEOUT);
    publishRawDocuments(topics);
    long seed = System.nanoTime();
    Random random = new Random(seed);
    // One kill in each fifth of the run, at a random point within it, so every kill lands mid-stream.
    List<Integer> killAt = IntStream.range(0, KILLS)
        .mapToObj(k -> (k + 1) * DOCUMENTS / (KILLS + 1) - DOCUMENTS / 10 + random.nextInt(DOCUMENTS / 5))
        .toList();
    Path log = tempDir.resolve("processor-child.log");
    List<Integer> seenAtKill = new ArrayList<>();
    long started = System.nanoTime();

    try (ArticleWatcher watcher = new ArticleWatcher(kafka.bootstrapServers(), topics.articles().name())) {
      Process child = startChild(topics, log);
      for (int threshold : killAt) {
        watcher.awaitAtLeast(threshold, child, log);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("killed child exited").isTrue();
        seenAtKill.add(watcher.count());
        System.out.printf(Locale.ROOT, "killed after %d articles at %d ms%n", watcher.count(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        child = startChild(topics, log);
      }
      watcher.awaitAtLeast(DOCUMENTS, child, log);
      awaitRawFullyCommitted(topics, child, log);
      watcher.readToEnd();
      // Not asserted (a kill can land between transactions), but shows what read_committed filtered out.
      System.out.printf(Locale.ROOT, "done at %d ms; records of aborted transactions on the articles topic: %d%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          countAllRecords(topics.articles().name()) - watcher.count());

      String context = "seed " + seed + ", kills after " + seenAtKill + " articles; child log:\n" + tail(log);
      assertThat(seenAtKill).as(context).hasSize(KILLS).allMatch(n -> n < DOCUMENTS);
      List<Article> articles = watcher.records().stream().map(ArticleProcessorCrashTest::article).toList();
      // Summaries rather than 5,000 records in a failure message.
      Map<Integer, Long> perVersion = articles.stream()
          .collect(Collectors.groupingBy(Article::version, TreeMap::new, Collectors.counting()));
      assertThat(perVersion).as("records per version; " + context).isEqualTo(Map.of(1, (long) DOCUMENTS));
      Set<String> ids = articles.stream().map(Article::id).collect(Collectors.toSet());
      assertThat(articles.size()).as("records on the articles topic").isEqualTo(DOCUMENTS);
      assertThat(difference(expectedArticleIds(), ids)).as("articles missing").isEmpty();
      assertThat(difference(ids, expectedArticleIds())).as("unexpected articles").isEmpty();
      assertThat(watcher.records()).as("records keyed by their article id")
          .allMatch(r -> r.key().equals(article(r).id()));
      assertThat(TopicContents.read(kafka.bootstrapServers(), topics.dlq().name(), 0, Duration.ofSeconds(5)))
          .as("dead letters").isEmpty();
    }
  }

  private void publishRawDocuments(Topics topics) throws Exception {
    try (RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of())) {
      List<CompletableFuture<Void>> sent = new ArrayList<>(DOCUMENTS);
      for (int i = 0; i < DOCUMENTS; i++) {
        sent.add(publisher.publish(rawDocument(i)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
          .get(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static RawDocument rawDocument(int i) {
    String id = String.format(Locale.ROOT, "afp-%05d", i);
    String url = "https://wire.example-agency.com/fr/depeche/" + id;
    return new RawDocument(id, url, Instant.parse("2024-04-12T09:00:00Z").plusSeconds(i), 200,
        "text/plain; charset=utf-8",
        "DAKAR, 12 avril (AFP) -- Dépêche numéro " + i + ".\n\nLe port a repris son activité.", "afp-fr",
        new FeedEntry(id, "Dépêche " + i, url, null, null, List.of()), "AFP", "fr");
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static Set<String> expectedArticleIds() {
    return IntStream.range(0, DOCUMENTS)
        .mapToObj(i -> "art-" + rawDocument(i).id())
        .collect(Collectors.toSet());
  }

  private Process startChild(Topics topics, Path log) throws IOException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        ProcessorChild.class.getName(),
        kafka.bootstrapServers(), topics.prefix(), String.valueOf(Topics.DEFAULT_PARTITIONS), GROUP,
        TRANSACTIONAL_ID);
    // stdin stays a pipe: the child halts when it reads end of input, i.e. when this JVM is gone.
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    children.add(child);
    return child;
  }

  /** Waits until the group's committed offsets on the raw topic reach its end: nothing is left to process. */
  private void awaitRawFullyCommitted(Topics topics, Process child, Path log) throws Exception {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.DEFAULT_PARTITIONS)
          .mapToObj(p -> new TopicPartition(topics.raw().name(), p))
          .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
            .listConsumerGroupOffsets(GROUP, new ListConsumerGroupOffsetsOptions().requireStable(true))
            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        boolean done = end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
            && committed.get(e.getKey()).offset() >= e.getValue());
        if (done) {
          return;
        }
        checkAlive(child, log, deadline, "raw offsets " + committed + " to reach " + end);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  /** Every data record on {@code topic}, aborted transactions' records included (read_uncommitted). */
  private int countAllRecords(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "isolation.level", "read_uncommitted",
        "enable.auto.commit", false),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
      int count = 0;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        count += consumer.poll(Duration.ofMillis(100)).count();
      }
      return count;
    }
  }

  private static void checkAlive(Process child, Path log, long deadline, String waitingFor) {
    if (!child.isAlive()) {
      fail("processor child exited with " + child.exitValue() + " while waiting for " + waitingFor + "; log:\n"
          + tail(log));
    }
    if (System.nanoTime() > deadline) {
      fail("timed out after " + PHASE_TIMEOUT + " waiting for " + waitingFor + "; child log:\n" + tail(log));
    }
  }

  private static Article article(ConsumerRecord<String, String> r) {
    try {
      return WireJson.mapper().readValue(r.value(), Article.class);
    } catch (IOException e) {
      throw new AssertionError("unreadable article at " + r.topic() + "-" + r.partition() + "@" + r.offset(), e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** A read_committed reader of the whole articles topic that keeps every record it has seen. */
  private static final class ArticleWatcher implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    ArticleWatcher(String bootstrap, String topic) {
      consumer = new KafkaConsumer<>(Map.of(
          "bootstrap.servers", bootstrap,
          "isolation.level", "read_committed",
          "enable.auto.commit", false,
          "allow.auto.create.topics", false),
          new StringDeserializer(), new StringDeserializer());
      partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    int count() {
      return records.size();
    }

    List<ConsumerRecord<String, String>> records() {
      return List.copyOf(records);
    }

    /** Polls until {@code n} committed articles were seen, failing early if the child died. */
    void awaitAtLeast(int n, Process child, Path log) {
      long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
      while (records.size() < n) {
        checkAlive(child, log, deadline, n + " committed articles (seen " + records.size() + ")");
        consumer.poll(Duration.ofMillis(50)).forEach(records::add);
      }
    }

    /** Reads up to the end offsets (the last stable offsets: no transaction is open any more). */
    void readToEnd() {
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("articles topic read to " + end).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
