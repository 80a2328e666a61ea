package io.wirefeed.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirefeed.ingest.FeedKind;
import io.wirefeed.ingest.FeedSpec;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirefeed demo}: the whole pipeline in one process, offline: the embedded broker, a loopback HTTP server
 * serving the bundled sample feeds and pages, ingest, normalize, publish; prints each article as it lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Everything in one process with no internet: embedded Kafka broker, a loopback HTTP server",
        "serving bundled sample feeds and agency pages, ingest, normalize and publish.",
        "Prints each article as it lands. With --once, exits 0 once every bundled item has gone through;",
        "the last line is then 'published N articles to wirefeed.articles.v1'."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--once", description = "exit once every bundled item has been published or dead-lettered")
  boolean once;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "broker data directory (default: a temp dir)")
  Path dataDir;

  @Option(names = "--timeout", defaultValue = "180s", paramLabel = "DURATION",
      description = "with --once: give up after this long (default: ${DEFAULT-VALUE})")
  String timeout;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JsonNode manifest;
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/manifest.json")) {
      manifest = WireJson.mapper().readTree(in);
    }
    int expected = manifest.path("pages").size() + manifest.path("broken").size();
    boolean tempDir = dataDir == null;
    Path dir = tempDir ? Files.createTempDirectory("wirefeed-demo") : dataDir;
    AtomicInteger published = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    CountDownLatch allDone = new CountDownLatch(1);
    PipelineListener listener = new PipelineListener() {
      @Override
      public void published(Article a) {
        published.incrementAndGet();
        out.print(ArticleFormat.oneBlock(a));
        count();
      }

      @Override
      public void unchanged(Article a) {
        count();
      }

      @Override
      public void deadLettered(DeadLetter d) {
        out.println("! dead letter " + d.documentId() + " (" + d.stage() + "): " + d.reason()
            + (d.url() == null ? "" : "  " + d.url()));
        if (!d.documentId().startsWith("feed:")) {
          count();
        }
      }

      private void count() {
        if (done.incrementAndGet() >= expected) {
          allDone.countDown();
        }
      }
    };
    try (DemoServer server = DemoServer.start()) {
      WirefeedConfig config = config(manifest, server, dir);
      out.println("demo: serving " + expected + " items from " + server.base() + "; starting Kafka in " + dir);
      try (Pipeline pipeline = Pipeline.start(config, Pipeline.allStages(), listener)) {
        String topic = pipeline.topics().articles().name();
        out.println("demo: broker at " + pipeline.bootstrapServers() + "; articles land on " + topic
            + "; status page http://127.0.0.1:" + pipeline.opsPort() + "/");
        if (!once) {
          out.println("demo: Ctrl-C to stop (read the topic with: ./wirefeed tail " + topic + " --bootstrap "
              + pipeline.bootstrapServers() + ")");
          awaitShutdownSignal();
          out.println("published " + published.get() + " articles to " + topic);
          return 0;
        }
        Duration limit = ConfigLoader.parseDuration(timeout, "--timeout", new ArrayList<>());
        if (!allDone.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          out.println("demo: timed out after " + timeout + " with " + done.get() + " of " + expected
              + " items through");
          out.println("published " + published.get() + " articles to " + topic);
          return 1;
        }
        out.println("published " + published.get() + " articles to " + topic);
        return 0;
      }
    } finally {
      if (tempDir) {
        deleteRecursively(dir);
      }
      closed.countDown();
    }
  }

  private final CountDownLatch closed = new CountDownLatch(1);

  /** Blocks until SIGTERM / Ctrl-C; the hook then waits (bounded) for the pipeline to close cleanly. */
  private void awaitShutdownSignal() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        closed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shutdown"));
    stop.await();
  }

  private static WirefeedConfig config(JsonNode manifest, DemoServer server, Path dir)
      throws ConfigLoader.ConfigException {
    return localConfig(manifest, server, dir, List.of());
  }

  /**
   * The configuration of an offline run against the demo server: the built-in defaults, the embedded broker in
   * {@code dir} on any free port, the manifest's feeds (loopback allowed), no per-host delay, ops on a free port.
   */
  static WirefeedConfig localConfig(JsonNode manifest, DemoServer server, Path dir, List<WirefeedConfig.Route> routes)
      throws ConfigLoader.ConfigException {
    return localConfig(manifest, server, dir, routes, Duration.ofMinutes(5));
  }

  /** The same with another poll interval for every feed. */
  static WirefeedConfig localConfig(JsonNode manifest, DemoServer server, Path dir, List<WirefeedConfig.Route> routes,
      Duration interval) throws ConfigLoader.ConfigException {
    WirefeedConfig base = ConfigLoader.load(null, Map.of());
    List<FeedSpec> feeds = new ArrayList<>();
    for (JsonNode f : manifest.path("feeds")) {
      feeds.add(new FeedSpec(f.path("id").asText(), server.resolve(f.path("path").asText()),
          FeedKind.valueOf(f.path("kind").asText("FEED")), text(f, "agency"), text(f, "language"),
          interval, null, null, true));
    }
    var k = base.kafka();
    return new WirefeedConfig(
        new WirefeedConfig.Kafka("", k.topicPrefix(), dir, k.partitions(), 0),
        base.ingest().withPerHostDelay(Duration.ZERO),
        base.normalize(), new WirefeedConfig.Http(0), feeds, routes);
  }


  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
