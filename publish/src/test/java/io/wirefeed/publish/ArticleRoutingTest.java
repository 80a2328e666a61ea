package io.wirefeed.publish;

import static io.wirefeed.publish.Fixtures.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.Article;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteRecord;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 5: routed article topics and the quotes topic, written in the normalize transaction, against one
 * real in-process broker for the whole class.
 */
class ArticleRoutingTest {
  private static final Duration TIMEOUT = Fixtures.TIMEOUT;
  private static final AtomicInteger RUN = new AtomicInteger();
  private static final String FR = "wirefeed.articles.fr.v1";
  private static final String EN = "wirefeed.articles.en.v1";
  private static final String AFP = "wirefeed.articles.afp.v1";
  private static final String ENVIRONMENT = "wirefeed.articles.environnement.v1";
  private static final List<RouteRule> ROUTES = List.of(
      new RouteRule("language", "fr", FR),
      new RouteRule("language", "en", EN),
      new RouteRule("agency", "afp", AFP),
      new RouteRule("category", "environnement", ENVIRONMENT));
  private static final String NIAMEY_ID = "art-afp-fr-2024-0603-niamey-crue";
  private static final String LIMA_ID = "art-ap-en-2024-0519-lima-quake";
  /** What the real normalizer finds in the fixtures (dateline, quotes), keyed by URL; see {@link #normalize}. */
  private static final Map<String, Extracted> EXTRACTED = loadExtracted();

  @TempDir
  static Path brokerDir;

  private static EmbeddedKafka kafka;

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<ArticleProcessor> processors = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<RawPublisher> publishers = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    publishers.forEach(RawPublisher::close);
    processors.forEach(ArticleProcessor::close);
    for (Thread t : threads) {
      t.join(TIMEOUT.toMillis());
      assertThat(t.isAlive()).as("processor thread stopped").isFalse();
    }
  }

  @Test
  void frenchArticleGoesToTheFrenchTopicAndNotToTheEnglishOne() throws Exception {
    Topics topics = freshTopics(Topics.DEFAULT_PARTITIONS, ROUTES);
    start(topics, ROUTES);

    publisher(topics).publish(Fixtures.raw("afp-niamey-fr.json")).get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("published " + NIAMEY_ID + " v1");
    ConsumerRecord<String, String> article = single(topics.articles().name());
    ConsumerRecord<String, String> french = single(topics.routed(FR).name());
    assertThat(french.key()).isEqualTo(NIAMEY_ID);
    assertThat(french.value()).isEqualTo(article.value());
    assertThat(headers(french)).isEqualTo(headers(article)).contains("wirefeed-language=fr");
    assertThat(written(topics.routed(EN).name())).isEmpty();
  }

  @Test
  void agencyAndCategoryRulesRouteOnlyTheArticlesThatMatch() throws Exception {
    Topics topics = freshTopics(Topics.DEFAULT_PARTITIONS, ROUTES);
    start(topics, ROUTES);
    RawPublisher publisher = publisher(topics);

    publisher.publish(Fixtures.raw("afp-niamey-fr.json")).get(30, TimeUnit.SECONDS);
    publisher.publish(Fixtures.raw("ap-lima-en.json")).get(30, TimeUnit.SECONDS);

    assertThat(List.of(next(), next()))
        .containsExactlyInAnyOrder("published " + NIAMEY_ID + " v1", "published " + LIMA_ID + " v1");
    // AFP (the rule says "afp") and "Environnement" as the second of two categories (the rule is lower case).
    assertThat(single(topics.routed(AFP).name()).key()).isEqualTo(NIAMEY_ID);
    assertThat(single(topics.routed(ENVIRONMENT).name()).key()).isEqualTo(NIAMEY_ID);
    assertThat(single(topics.routed(EN).name()).key()).isEqualTo(LIMA_ID);
    assertThat(written(topics.routed(AFP).name())).extracting(ConsumerRecord::key).containsExactly(NIAMEY_ID);
    assertThat(written(topics.routed(ENVIRONMENT).name())).extracting(ConsumerRecord::key)
        .containsExactly(NIAMEY_ID);
  }

  @Test
  void quotesTopicGetsOneRecordPerQuoteWithTheDatelineAndSpeaker() throws Exception {
    Topics topics = freshTopics(Topics.DEFAULT_PARTITIONS, List.of());
    start(topics, List.of());

    publisher(topics).publish(Fixtures.raw("afp-niamey-fr.json")).get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("published " + NIAMEY_ID + " v1");
    List<ConsumerRecord<String, String>> records =
        TopicContents.read(kafka.bootstrapServers(), topics.quotes().name(), 3, TIMEOUT);
    assertThat(records).extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(NIAMEY_ID + ":0", NIAMEY_ID + ":1", NIAMEY_ID + ":2");
    Map<Integer, QuoteRecord> byIndex = records.stream().map(r -> quote(r.value()))
        .collect(Collectors.toMap(QuoteRecord::index, q -> q));
    assertThat(byIndex.get(0)).isEqualTo(new QuoteRecord(NIAMEY_ID, 1, 0,
        "L'eau est montée de près d'un mètre en une nuit, nous n'avons rien pu sauver", "Aïssa Moussa",
        "a raconté", "direct", 1, "NIAMEY, 3 juin (AFP) --", "Niamey", LocalDate.of(2024, 6, 3), "AFP", "fr",
        "https://www.example-agency.fr/afrique/niger-le-fleuve-deborde-a-niamey",
        java.time.Instant.parse("2024-06-03T11:05:00Z")));
    assertThat(byIndex.get(1)).extracting(QuoteRecord::text, QuoteRecord::speaker, QuoteRecord::kind,
        QuoteRecord::paragraph).containsExactly("exceptionnelle par sa précocité", "Hadiza Abdou", "partial", 2);
    assertThat(byIndex.values()).extracting(QuoteRecord::datelineText).containsOnly("NIAMEY, 3 juin (AFP) --");
    for (ConsumerRecord<String, String> r : records) {
      assertThat(headers(r)).contains("wirefeed-speaker=" + quote(r.value()).speaker(), "wirefeed-agency=AFP",
          "wirefeed-language=fr", "wirefeed-schema-version=1", "content-type=application/json");
    }
  }

  @Test
  void unchangedResendPublishesNothingToRoutedOrQuotesTopicsAndANewVersionRepublishesBoth() throws Exception {
    Topics topics = freshTopics(Topics.DEFAULT_PARTITIONS, ROUTES);
    start(topics, ROUTES);
    RawPublisher publisher = publisher(topics);
    RawDocument doc = Fixtures.raw("afp-niamey-fr.json");
    publisher.publish(doc).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published " + NIAMEY_ID + " v1");

    publisher.publish(doc).get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("unchanged " + NIAMEY_ID + " v1");
    // read_uncommitted: not even an aborted or pending record was written for the re-send.
    assertThat(written(topics.routed(FR).name())).hasSize(1);
    assertThat(written(topics.routed(AFP).name())).hasSize(1);
    assertThat(written(topics.quotes().name())).hasSize(3);

    publisher.publish(Fixtures.withBody(doc, doc.body() + "\n\nLe niveau du fleuve a commencé à baisser mardi."))
        .get(30, TimeUnit.SECONDS);

    assertThat(next()).isEqualTo("published " + NIAMEY_ID + " v2");
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.routed(FR).name(), 2, TIMEOUT))
        .extracting(r -> WireJson.mapper().readValue(r.value(), Article.class).version())
        .containsExactly(1, 2);
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.quotes().name(), 6, TIMEOUT))
        .extracting(r -> quote(r.value()).articleVersion())
        .containsExactlyInAnyOrder(1, 1, 1, 2, 2, 2);
  }

  @Test
  void readCommittedConsumerOfTheQuotesTopicSeesEachQuoteExactlyOnceDespiteAbortedTransactions()
      throws Exception {
    // One partition: the whole backlog comes in one poll, so the dead letter below shares its transaction.
    Topics topics = freshTopics(1, List.of());
    RawDocument template = Fixtures.raw("afp-niamey-fr.json");
    RawPublisher publisher = publisher(topics);
    int articles = 30;
    for (int i = 0; i < articles; i++) {
      publisher.publish(Fixtures.withBody(Fixtures.withId(template, "afp-" + i), template.body() + "\n\n" + i));
    }
    // Last in the batch: a dead letter the DLQ refuses (too large) until the limit is lifted, so every attempt
    // writes 90 quotes and then aborts.
    publisher.publish(Fixtures.withBody(Fixtures.withId(template, "afp-boom"), "BOOM"));
    publisher.flush();
    setMaxMessageBytes(topics.dlq().name(), "200");
    ArticleProcessor processor = start(topics, List.of());

    awaitUntil("two aborted transactions", () -> processor.aborted() >= 2);
    assertThat(events).isEmpty();
    setMaxMessageBytes(topics.dlq().name(), null);

    for (int i = 0; i < articles + 1; i++) {
      assertThat(next()).matches("published art-afp-\\d+ v1|dead afp-boom normalize");
    }
    List<ConsumerRecord<String, String>> committed =
        TopicContents.read(kafka.bootstrapServers(), topics.quotes().name(), 3 * articles, TIMEOUT);
    assertThat(committed).hasSize(3 * articles).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    assertThat(committed).extracting(r -> quote(r.value()).articleVersion()).containsOnly(1);
    for (int i = 0; i < articles; i++) {
      String id = "art-afp-" + i;
      assertThat(committed).filteredOn(r -> quote(r.value()).articleId().equals(id)).as(id)
          .extracting(r -> quote(r.value()).index()).containsExactlyInAnyOrder(0, 1, 2);
    }
    // The aborted attempts really wrote quotes: read_committed filtered them out.
    assertThat(written(topics.quotes().name()).size()).isGreaterThan(committed.size());
  }

  @Test
  void routeToAMissingTopicAbortsTheTransactionAndRetriesUntilTheTopicExists() throws Exception {
    List<RouteRule> french = List.of(new RouteRule("language", "fr", FR));
    Topics topics = freshTopics(Topics.DEFAULT_PARTITIONS, List.of());
    ArticleProcessor processor = start(topics, french);
    RawPublisher publisher = publisher(topics);

    // An article no route matches needs no routed topic.
    publisher.publish(Fixtures.raw("ap-lima-en.json")).get(30, TimeUnit.SECONDS);
    assertThat(next()).isEqualTo("published " + LIMA_ID + " v1");
    publisher.publish(Fixtures.raw("afp-niamey-fr.json")).get(30, TimeUnit.SECONDS);
    awaitUntil("two aborted transactions", () -> processor.aborted() >= 2);
    assertThat(events).isEmpty();
    // Aborted before anything was sent: not even an uncommitted article or quote.
    assertThat(written(topics.articles().name())).extracting(ConsumerRecord::key).containsExactly(LIMA_ID);
    assertThat(written(topics.quotes().name())).extracting(ConsumerRecord::key).containsExactly(LIMA_ID + ":0");

    TopicAdmin.ensureTopics(kafka.bootstrapServers(), List.of(topics.routed(FR)), TIMEOUT);

    assertThat(next()).isEqualTo("published " + NIAMEY_ID + " v1");
    assertThat(single(topics.routed(FR).name()).key()).isEqualTo(NIAMEY_ID);
    assertThat(TopicContents.read(kafka.bootstrapServers(), topics.articles().name(), 2, TIMEOUT))
        .extracting(ConsumerRecord::key).containsExactlyInAnyOrder(LIMA_ID, NIAMEY_ID);
    assertThat(processor.processed()).isEqualTo(2);
  }

  @Test
  void routeOntoOneOfTheFixedTopicsIsRefusedAtConstruction() {
    Topics topics = Topics.withPrefix("refused.");
    List<RouteRule> loop = List.of(new RouteRule("language", "fr", "wirefeed.articles.v1"));

    assertThatThrownBy(() -> new ArticleProcessor(kafka.bootstrapServers(), topics, "g", "t",
        ArticleRoutingTest::normalize, ProcessorListener.noOp(), loop, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused.wirefeed.articles.v1");
  }

  /** The fixtures' stand-in normalizer plus the dateline, quotes and categories the real one would find. */
  static Outcome<Article> normalize(RawDocument raw) {
    Outcome<Article> base = Fixtures.fakeNormalize(raw);
    if (!(base instanceof Outcome.Accepted<Article> accepted)) {
      return base;
    }
    Article a = accepted.value();
    Extracted x = EXTRACTED.getOrDefault(raw.url(), new Extracted(null, List.of()));
    return Outcome.accepted(new Article(a.id(), a.version(), a.rawId(), a.url(), a.canonicalUrl(), a.language(),
        a.headline(), a.summary(), a.body(), a.paragraphs(), x.dateline(), a.source(), a.creditedSources(),
        x.quotes(), raw.feedEntry().published(), a.updated(), a.fetchedAt(), a.authors(),
        raw.feedEntry().categories(), a.siteName(), a.leadImage(), a.contentHash()));
  }

  private record Extracted(Dateline dateline, List<Quote> quotes) {}

  private static Map<String, Extracted> loadExtracted() {
    try (InputStream in = ArticleRoutingTest.class.getResourceAsStream("/routing/extracted.json")) {
      return Map.copyOf(WireJson.mapper().readValue(in, new TypeReference<Map<String, Extracted>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Topics freshTopics(int partitions, List<RouteRule> routes) {
    Topics topics = Topics.withPrefix("route" + RUN.incrementAndGet() + ".").withPartitions(partitions);
    List<TopicSpec> specs = new ArrayList<>(topics.all());
    routes.stream().map(RouteRule::topic).distinct().forEach(name -> specs.add(topics.routed(name)));
    TopicAdmin.ensureTopics(kafka.bootstrapServers(), specs, TIMEOUT);
    return topics;
  }

  private RawPublisher publisher(Topics topics) {
    RawPublisher publisher = new RawPublisher(kafka.bootstrapServers(), topics, Map.of());
    publishers.add(publisher);
    return publisher;
  }

  private ArticleProcessor start(Topics topics, List<RouteRule> routes) {
    String id = "normalize-" + topics.prefix();
    ArticleProcessor processor = new ArticleProcessor(kafka.bootstrapServers(), topics, id, id,
        ArticleRoutingTest::normalize, Fixtures.recording(events), routes, true);
    Thread thread = new Thread(processor, id);
    processors.add(processor);
    threads.add(thread);
    thread.start();
    return processor;
  }

  private String next() throws InterruptedException {
    String event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("a processor event within " + TIMEOUT).isNotNull();
    return event;
  }

  private static ConsumerRecord<String, String> single(String topic) {
    List<ConsumerRecord<String, String>> records = TopicContents.read(kafka.bootstrapServers(), topic, 1, TIMEOUT);
    assertThat(records).as(topic).hasSize(1);
    return records.get(0);
  }

  /** Everything written to {@code topic}, committed or not. */
  private static List<ConsumerRecord<String, String>> written(String topic) {
    return TopicContents.readUncommitted(kafka.bootstrapServers(), topic, TIMEOUT);
  }

  private static QuoteRecord quote(String json) {
    try {
      return WireJson.mapper().readValue(json, QuoteRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> headers(ConsumerRecord<String, String> r) {
    return Arrays.stream(r.headers().toArray())
        .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
        .toList();
  }

  /** Sets a topic's {@code max.message.bytes}, or removes the override when {@code value} is null. */
  private static void setMaxMessageBytes(String topic, String value) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    AlterConfigOp op = value == null
        ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
        : new AlterConfigOp(new ConfigEntry("max.message.bytes", value), AlterConfigOp.OpType.SET);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }
  }

}
