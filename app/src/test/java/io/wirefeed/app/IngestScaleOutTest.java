package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.ingest.FeedKind;
import io.wirefeed.ingest.FeedSpec;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest-only instances on one embedded broker share the feed list through the ingest consumer group: each
 * polls its own part, and when one stops the other takes its feeds over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestScaleOutTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir
  static Path tempDir;
  private EmbeddedKafka broker;
  private HttpServer http;
  /** Every request's path and query, as the server received it. */
  private final Set<String> requested = ConcurrentHashMap.newKeySet();

  @BeforeAll
  void start() throws Exception {
    broker = EmbeddedKafka.start(Files.createDirectories(tempDir.resolve("kafka")), 0);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", this::serve);
    http.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (http != null) {
      http.stop(0);
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void feedDefinitionRoundTripsThroughJson() throws Exception {
    FeedSpec spec = new FeedSpec("afp-world", URI.create("https://example.org/rss?lang=fr"), FeedKind.HTML, "AFP",
        "fr", Duration.ofSeconds(90), "a.story", "/20[0-9]{2}/", true);
    String json = WireJson.mapper().writeValueAsString(spec);
    assertThat(WireJson.mapper().readValue(json, FeedSpec.class)).isEqualTo(spec);
  }

  @Test
  void instancesSplitTheFeedsAndTheSurvivorTakesOverAStoppedOnesFeeds() throws Exception {
    List<FeedSpec> feeds = feedsOnEveryPartition();
    Map<String, Set<String>> polled = Map.of("a", ConcurrentHashMap.newKeySet(), "b", ConcurrentHashMap.newKeySet());
    Pipeline a = Pipeline.start(config(feeds), EnumSet.of(Pipeline.Stage.INGEST), recorder(polled.get("a")));
    try (Pipeline b = Pipeline.start(config(feeds), EnumSet.of(Pipeline.Stage.INGEST), recorder(polled.get("b")))) {
      try {
        await(() -> !polled.get("b").isEmpty(), "the second instance polls some feeds");
        // Two full rounds after the rebalance: the second one cannot contain a poll begun before it.
        Set<String> onA = new HashSet<>();
        Set<String> onB = new HashSet<>();
        for (int round = 0; round < 2; round++) {
          polled.values().forEach(Set::clear);
          await(() -> union(polled).size() == feeds.size(), "every feed polled by one of the instances");
          onA = Set.copyOf(polled.get("a"));
          onB = Set.copyOf(polled.get("b"));
        }
        assertThat(onA).isNotEmpty().doesNotContainAnyElementsOf(onB);
        assertThat(onB).isNotEmpty();
        Set<String> all = new HashSet<>(onA);
        all.addAll(onB);
        assertThat(all).containsExactlyInAnyOrderElementsOf(feeds.stream().map(FeedSpec::id).toList());

        a.close();
        polled.get("b").clear();
        Set<String> moved = onA;
        Set<String> own = onB;
        // Each feed comes due on its own adaptive schedule (up to 8 intervals): wait for all of them.
        await(() -> polled.get("b").containsAll(moved) && polled.get("b").containsAll(own),
            "the survivor polls the stopped instance's feeds and its own");
        assertThat(polled.get("b")).containsAll(moved).containsAll(onB);
      } finally {
        a.close();
      }
    }
  }

  @Test
  void aRedefinedFeedIsPolledAtOnceInsteadOfWaitingForItsSavedSchedule() throws Exception {
    FeedSpec hourly = new FeedSpec("redefined-1", URI.create(base() + "/feeds/redefined-1.xml"), FeedKind.FEED,
        "Reuters", "en", Duration.ofHours(1), null, null, true);
    // Its own topics and group, apart from the other test's.
    WirefeedConfig base = config(List.of(hourly));
    WirefeedConfig config = new WirefeedConfig(
        new WirefeedConfig.Kafka(broker.bootstrapServers(), "redefine.", tempDir, base.kafka().partitions(), 0),
        base.ingest(), new WirefeedConfig.Normalize("redefine-normalize", ""), new WirefeedConfig.Http(0),
        List.of(hourly));
    Set<String> polled = ConcurrentHashMap.newKeySet();
    try (Pipeline p = Pipeline.start(config, EnumSet.of(Pipeline.Stage.INGEST), recorder(polled))) {
      await(() -> polled.contains("redefined-1"), "the first poll of the new feed");

      // Found new items: the next poll is half an hour away, and saved so.
      FeedSpec moved = new FeedSpec("redefined-1", URI.create(base() + "/feeds/redefined-1.xml?edition=2"),
          FeedKind.FEED, "Reuters", "en", Duration.ofHours(1), null, null, true);
      FeedDirectory.publish(broker.bootstrapServers(), FeedDirectory.topic("redefine.").name(), List.of(moved));

      await(() -> requested.contains("/feeds/redefined-1.xml?edition=2"), "the new URL polled");
    }
  }

  /** One feed per partition of the feeds topic, so that every member of the group has at least one. */
  private List<FeedSpec> feedsOnEveryPartition() {
    int partitions = FeedDirectory.PARTITIONS;
    FeedSpec[] byPartition = new FeedSpec[partitions];
    int found = 0;
    for (int i = 0; found < partitions; i++) {
      String id = "wire-" + i;
      // The producer's default partitioner for keyed records.
      int p = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
      if (byPartition[p] == null) {
        byPartition[p] = new FeedSpec(id, URI.create(base() + "/feeds/" + id + ".xml"), FeedKind.FEED, "Reuters",
            "en", INTERVAL, null, null, true);
        found++;
      }
    }
    return List.of(byPartition);
  }

  private WirefeedConfig config(List<FeedSpec> feeds) throws Exception {
    WirefeedConfig base = ConfigLoader.load(null, Map.of());
    var k = base.kafka();
    return new WirefeedConfig(
        new WirefeedConfig.Kafka(broker.bootstrapServers(), k.topicPrefix(), tempDir, k.partitions(), 0),
        base.ingest().withPerHostDelay(Duration.ZERO),
        base.normalize(), new WirefeedConfig.Http(0), feeds);
  }

  private static PipelineListener recorder(Set<String> into) {
    return new PipelineListener() {
      @Override
      public void polled(PollReport report) {
        into.add(report.feedId());
      }
    };
  }

  private static Set<String> union(Map<String, Set<String>> polled) {
    Set<String> all = new HashSet<>();
    polled.values().forEach(all::addAll);
    return all;
  }

  private String base() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      requested.add(exchange.getRequestURI().toString());
      String path = exchange.getRequestURI().getPath();
      String body;
      String type;
      if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
        String id = path.substring("/feeds/".length(), path.length() - ".xml".length());
        type = "application/rss+xml; charset=utf-8";
        body = String.format(Locale.ROOT, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>%1$s</title><link>%2$s</link><description>wire</description>
            <item><title>Markets steady in %1$s</title><link>%2$s/pages/%1$s.html</link>
            <guid>%1$s-1</guid><pubDate>Mon, 02 Mar 2026 09:15:00 GMT</pubDate></item>
            </channel></rss>
            """, id, base());
      } else if (path.startsWith("/pages/")) {
        type = "text/html; charset=utf-8";
        body = "<html><head><title>Markets steady</title></head><body><article><h1>Markets steady</h1>"
            + "<p>LONDON, March 2 (Reuters) - Stock markets were steady on Monday, traders said.</p>"
            + "</article></body></html>";
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Waits.until(DEADLINE, condition, what);
  }
}
