package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Outcome;
import io.wirefeed.normalize.Normalizer;
import io.wirefeed.model.WireJson;
import io.wirefeed.publish.TopicReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline on a real in-process KRaft broker against the bundled demo feeds served over loopback HTTP:
 * articles arrive with the contract's fields, the broken page lands on the DLQ with a reason, and polling the same
 * feeds again (after a restart on the same broker data) publishes no duplicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final List<io.wirefeed.publish.RouteRule> ROUTES =
      List.of(new io.wirefeed.publish.RouteRule("language", "fr", "wirefeed.articles.fr.v1"));
  private Path dataDir;
  private DemoServer server;
  private JsonNode manifest;
  private final ConcurrentLinkedQueue<Article> published = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<PollReport> polls = new ConcurrentLinkedQueue<>();
  private final PipelineListener listener = new PipelineListener() {
    @Override
    public void published(Article a) {
      published.add(a);
    }

    @Override
    public void deadLettered(DeadLetter d) {
      deadLetters.add(d);
    }

    @Override
    public void polled(PollReport r) {
      polls.add(r);
    }
  };
  private String bootstrap;

  @BeforeAll
  void startServer() throws Exception {
    dataDir = Files.createTempDirectory("wirefeed-e2e");
    server = DemoServer.start();
    try (InputStream in = getClass().getResourceAsStream("/demo/manifest.json")) {
      manifest = WireJson.mapper().readTree(in);
    }
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void articlesArriveWithTheContractFieldsAndTheBrokenPageIsDeadLettered() throws Exception {
    int pages = manifest.path("pages").size();
    int broken = manifest.path("broken").size();
    assertThat(pages).isGreaterThanOrEqualTo(12);
    try (Pipeline p = Pipeline.start(config(), Pipeline.allStages(), listener)) {
      bootstrap = p.bootstrapServers();
      await(() -> published.size() >= pages && deadLetters.size() >= broken, "all items through");

      // commitTransaction returns before the commit markers reach every partition: wait for read_committed to see all.
      List<List<Article>> read = new ArrayList<>();
      await(() -> {
        read.add(0, readArticles(p.bootstrapServers()));
        return read.get(0).size() >= pages;
      }, "every article visible to a read_committed consumer");
      List<Article> onTopic = read.get(0);
      assertThat(onTopic).hasSize(pages);
      Map<String, JsonNode> expectedByPath = new HashMap<>();
      manifest.path("pages").forEach(n -> expectedByPath.put(n.path("path").asText(), n));
      com.networknt.schema.JsonSchema schema;
      try (InputStream in = Article.class.getResourceAsStream("/io/wirefeed/model/article.schema.json")) {
        schema = com.networknt.schema.JsonSchemaFactory.getInstance(
            com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
      }
      for (Article a : onTopic) {
        assertThat(schema.validate(WireJson.mapper().valueToTree(a))).as("schema errors for " + a.url()).isEmpty();
        String path = java.net.URI.create(a.url()).getPath();
        JsonNode expected = expectedByPath.get(path);
        assertThat(expected).as("manifest entry for " + path).isNotNull();
        assertThat(a.rawId()).isNotBlank();
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.headline()).as(path).isNotBlank();
        assertThat(a.body()).as(path).isNotBlank().doesNotContain("Cookie").doesNotContain("cookie");
        assertThat(a.paragraphs()).as(path).isNotEmpty();
        assertThat(a.language()).as(path).isEqualTo(expected.path("language").asText());
        assertThat(a.source().agency()).as(path).isEqualToIgnoringCase(expected.path("agency").asText());
        assertThat(a.source().site()).isEqualTo("127.0.0.1");
        assertThat(a.dateline()).as(path + " dateline").isNotNull();
        assertThat(a.contentHash()).isNotBlank();
        assertThat(a.fetchedAt()).isNotNull();
        assertThat(a.published()).as(path).isNotNull();
        // The speakers the demo pages were written with, in order: a quote given to the wrong person fails here.
        List<String> speakers = new ArrayList<>();
        expected.path("quoteDetails").forEach(q -> speakers.add(q.path("speaker").asText()));
        assertThat(a.quotes()).as(path + " quotes").extracting(io.wirefeed.model.Quote::speaker)
            .containsExactlyElementsOf(speakers);
      }
      DeadLetter dl = deadLetters.stream().filter(d -> d.url() != null && d.url().endsWith("broken.html"))
          .findFirst().orElseThrow();
      assertThat(dl.reason()).isNotBlank();
      assertThat(dl.stage()).isIn("ingest", "normalize");
      // Replay with the same normalizer: nothing changed, so nothing is published again.
      var same = ReplayCommand.replay(p.bootstrapServers(), p.topics(), null, new Normalizer()::normalize,
          ROUTES, DEADLINE);
      assertThat(same.complete()).isTrue();
      assertThat(same.published()).isZero();
      assertThat(same.unchanged()).isEqualTo(pages);
      // Replay with a "better" normalizer that changes every body: each article gets version 2 under its key.
      Normalizer normalizer = new Normalizer();
      var better = ReplayCommand.replay(p.bootstrapServers(), p.topics(), null, raw -> {
        if (normalizer.normalize(raw) instanceof Outcome.Accepted<Article> a) {
          Article x = a.value();
          return Outcome.accepted(new Article(x.id(), x.version(), x.rawId(), x.url(), x.canonicalUrl(),
              x.language(), x.headline(), x.summary(), x.body() + "\n\nCorrection appended.", x.paragraphs(),
              x.dateline(), x.source(), x.creditedSources(), x.quotes(), x.published(), x.updated(),
              x.fetchedAt(), x.authors(), x.categories(), x.siteName(), x.leadImage(), "v2-" + x.contentHash()));
        }
        return Outcome.rejected("normalize", "test");
      }, ROUTES, DEADLINE);
      assertThat(better.published()).isEqualTo(pages);
      await(() -> {
        Map<String, Integer> latest = new HashMap<>();
        readArticles(p.bootstrapServers()).forEach(a -> latest.merge(a.id(), a.version(), Math::max));
        return latest.size() == pages && latest.values().stream().allMatch(v -> v == 2);
      }, "a new consumer bootstraps version 2 of every article");

      // Routing and the quotes topic are written in the same transactions as the articles.
      List<Article> french = new ArrayList<>();
      TopicReader.tail(p.bootstrapServers(), "wirefeed.articles.fr.v1", false, Duration.ofSeconds(10), r -> {
        try {
          french.add(WireJson.mapper().readValue(r.value(), Article.class));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      long expectedFrench = onTopic.stream().filter(a -> "fr".equals(a.language())).count();
      assertThat(expectedFrench).isPositive();
      // Version 1 from the pipeline and version 2 from the "better" replay above, both routed.
      assertThat(french).hasSize(2 * (int) expectedFrench).allSatisfy(a -> assertThat(a.language()).isEqualTo("fr"));
      List<io.wirefeed.model.QuoteRecord> quoteRecords = new ArrayList<>();
      TopicReader.tail(p.bootstrapServers(), "wirefeed.quotes.v1", false, Duration.ofSeconds(10), r -> {
        try {
          quoteRecords.add(WireJson.mapper().readValue(r.value(), io.wirefeed.model.QuoteRecord.class));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      assertThat(quoteRecords.stream().filter(q -> q.articleVersion() == 1))
          .hasSize(onTopic.stream().mapToInt(a -> a.quotes().size()).sum());

      String metrics = get(p.opsPort(), "/metrics");
      assertThat(metrics).contains("wirefeed_articles_published_total").contains("wirefeed_dlq_records_total")
          .contains("wirefeed_polls_total").contains("wirefeed_normalize_lag");
      assertThat(get(p.opsPort(), "/health")).isEqualTo("ok\n");
      assertThat(get(p.opsPort(), "/ready")).isEqualTo("ready\n");
      assertThat(get(p.opsPort(), "/")).contains(onTopic.get(0).headline().replace("'", "&#39;"));
      List<String> onDlq = new ArrayList<>();
      TopicReader.tail(p.bootstrapServers(), p.topics().dlq().name(), false, Duration.ofSeconds(10),
          r -> onDlq.add(r.value()));
      assertThat(onDlq).anyMatch(v -> v.contains("broken.html") && v.contains("\"reason\""));
    }

    // Second run on the same broker data: ingest state is in Kafka, so polling again publishes nothing new.
    // The saved schedule says the feeds are not due for minutes; a 1-second interval caps that wait at 8 s.
    published.clear();
    polls.clear();
    int feeds = manifest.path("feeds").size();
    WirefeedConfig shortInterval = DemoCommand.localConfig(manifest, server, dataDir,
        List.of(new WirefeedConfig.Route("language", "fr", "wirefeed.articles.fr.v1")), Duration.ofSeconds(1));
    try (Pipeline p = Pipeline.start(shortInterval, Pipeline.allStages(), listener)) {
      await(() -> polls.size() >= feeds, "second poll of every feed");
      assertThat(polls).allSatisfy(r -> assertThat(r.newItems()).as(r.feedId()).isZero());
      List<Article> onTopic = readArticles(p.bootstrapServers());
      assertThat(onTopic).hasSize(2 * pages);
      assertThat(published).isEmpty();
    }
  }

  private List<Article> readArticles(String bootstrapServers) {
    List<Article> out = new ArrayList<>();
    TopicReader.tail(bootstrapServers, "wirefeed.articles.v1", false, Duration.ofSeconds(10), r -> {
      try {
        out.add(WireJson.mapper().readValue(r.value(), Article.class));
      } catch (Exception e) {
        throw new AssertionError("not an Article on the articles topic: " + r.value(), e);
      }
    });
    return out;
  }

  private WirefeedConfig config() throws Exception {
    return DemoCommand.localConfig(manifest, server, dataDir,
        List.of(new WirefeedConfig.Route("language", "fr", "wirefeed.articles.fr.v1")));
  }


  private static String get(int port, String path) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Waits.until(DEADLINE, condition, what);
  }
}
