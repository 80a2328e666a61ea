package io.wirefeed.app;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.Article;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.normalize.Normalizer;
import io.wirefeed.publish.ArticleProcessor;
import io.wirefeed.publish.JsonSerde;
import io.wirefeed.publish.ProcessorListener;
import io.wirefeed.publish.RawPublisher;
import io.wirefeed.publish.TopicAdmin;
import io.wirefeed.publish.TopicSpec;
import io.wirefeed.publish.Topics;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ProducerPerformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirefeed bench}: measures, on the embedded broker, (a) the publish path (Article serialization plus
 * produce) beside Kafka's own ProducerPerformance tool with the same record size in the same run, and (b) end to
 * end, raw documents in to articles committed by the transactional normalize service.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks on an embedded broker in a temp dir: (a) Article serialization + produce vs",
        "Kafka's ProducerPerformance with the same record size; (b) raw documents in -> articles committed,",
        "docs/s and p50/p99 latency."})
final class BenchCommand implements Callable<Integer> {
  private static final Pattern CANONICAL = Pattern.compile("<link[^>]+rel=\"canonical\"[^>]*>|<meta[^>]+property=\"og:url\"[^>]*>");
  private static final Pattern PERF = Pattern.compile("([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");
  private static final Map<String, String> PRODUCER = Map.of(
      "acks", "all", "enable.idempotence", "true", "batch.size", "262144", "linger.ms", "5",
      "compression.type", "none");

  @Option(names = "--records", defaultValue = "50000", description = "records for the publish benchmark")
  int records;

  @Option(names = "--docs", defaultValue = "3000", description = "raw documents for the end-to-end burst")
  int docs;

  @Option(names = "--rate", defaultValue = "100", description = "docs/s for the paced end-to-end latency run")
  int rate;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<RawDocument> samples = demoDocuments();
    Normalizer normalizer = new Normalizer();
    List<Article> articles = new ArrayList<>();
    for (RawDocument raw : samples) {
      if (normalizer.normalize(raw) instanceof Outcome.Accepted<Article> a) {
        articles.add(a.value());
      }
    }
    Path dir = Files.createTempDirectory("wirefeed-bench");
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir, 0)) {
      String bootstrap = broker.bootstrapServers();
      Topics topics = Topics.withPrefix("");
      List<TopicSpec> all = new ArrayList<>(topics.all());
      all.add(new TopicSpec("bench.ours", 3, Map.of()));
      all.add(new TopicSpec("bench.perf", 3, Map.of()));
      TopicAdmin.ensureTopics(bootstrap, all, Duration.ofSeconds(60));
      out.printf("machine: %d cores visible to the JVM, heap max %d MiB; broker in-process%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

      // (a) warm-up on both paths, then two alternating measured rounds; the better round of each is reported so
      // that neither side is penalised by whatever else the shared machine did at that moment.
      publishArticles(bootstrap, "bench.ours", articles, Math.min(records, 20000));
      int avgSize = (int) Math.round(publishArticles(bootstrap, "bench.ours", articles, 1000)[2]);
      producerPerformance(bootstrap, "bench.perf", Math.min(records, 20000), avgSize);
      double[] ours = {0, 0, 0};
      double[] perf = {0, 0};
      for (int round = 0; round < 2; round++) {
        double[] o = publishArticles(bootstrap, "bench.ours", articles, records);
        double[] k = producerPerformance(bootstrap, "bench.perf", records, avgSize);
        ours = o[0] > ours[0] ? o : ours;
        perf = k[0] > perf[0] ? k : perf;
      }
      double serializeOnly = serializeOnly(articles, records);
      out.printf("(a) publish path, %d Articles of %d bytes avg (JSON), acks=all, idempotent, batch 256 KiB,"
          + " best of 2 alternating rounds:%n", records, avgSize);
      out.printf("    wirefeed serialize+produce: %,.0f records/s, %.1f MB/s%n", ours[0], ours[1]);
      out.printf("    Kafka ProducerPerformance:  %,.0f records/s, %.1f MB/s (same size, same settings)%n",
          perf[0], perf[1]);
      out.printf("    ratio: %.2f   (Article JSON serialization alone: %,.0f records/s on one thread)%n",
          perf[0] > 0 ? ours[0] / perf[0] : Double.NaN, serializeOnly);

      // (b) end to end through the transactional normalize service.
      double[] burst = endToEnd(bootstrap, topics, samples, docs, 0, "burst");
      // The paced run gets topics of its own, so that its fresh consumer group does not re-read the burst.
      Topics pacedTopics = Topics.withPrefix("paced.");
      TopicAdmin.ensureTopics(bootstrap, pacedTopics.all(), Duration.ofSeconds(60));
      double[] paced = endToEnd(bootstrap, pacedTopics, samples, Math.max(100, rate * 10), rate, "paced");
      out.printf("(b) end to end, raw documents (the 14 demo pages, HTML) -> articles committed by the exactly-once"
          + " normalize service:%n");
      out.printf("    burst of %d: %,.0f docs/s (latency p50 %.0f ms, p99 %.0f ms: queueing behind the burst)%n",
          docs, burst[0], burst[1], burst[2]);
      out.printf("    paced at %d docs/s for %d docs: latency p50 %.1f ms, p99 %.1f ms%n", rate,
          Math.max(100, rate * 10), paced[1], paced[2]);
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /** Returns records/s, MB/s, average record size. */
  private static double[] publishArticles(String bootstrap, String topic, List<Article> articles, int n)
      throws Exception {
    Properties p = new Properties();
    p.putAll(PRODUCER);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    JsonSerde<Article> serde = JsonSerde.of(Article.class);
    long bytes = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < n; i++) {
        Article a = articles.get(i % articles.size());
        String key = a.id() + "-" + i;
        byte[] value = serde.serialize(topic, a);
        bytes += value.length;
        producer.send(new ProducerRecord<>(topic, key, value));
      }
      producer.flush();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    return new double[] {n / secs, bytes / secs / 1e6, (double) bytes / n};
  }

  /** Records/s of Article JSON serialization alone, no Kafka. */
  private static double serializeOnly(List<Article> articles, int n) {
    JsonSerde<Article> serde = JsonSerde.of(Article.class);
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += serde.serialize("t", articles.get(i % articles.size())).length;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    return sink > 0 ? n / secs : 0;
  }

  /** Runs Kafka's own ProducerPerformance in this JVM and parses its summary line. */
  private static double[] producerPerformance(String bootstrap, String topic, int n, int size) {
    List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Integer.toString(n),
        "--record-size", Integer.toString(size), "--throughput", "-1", "--producer-props",
        "bootstrap.servers=" + bootstrap));
    PRODUCER.forEach((k, v) -> args.add(k + "=" + v));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args.toArray(String[]::new));
    } catch (Exception e) {
      // Kafka's Exit is made to throw by the embedded broker; the summary has been printed by then.
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    String last = Arrays.stream(text.split("\n")).filter(l -> l.contains("records sent")).reduce((a, b) -> b)
        .orElse("");
    Matcher m = PERF.matcher(last);
    return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))}
        : new double[] {0, 0};
  }

  /** Returns docs/s, p50 ms, p99 ms. */
  private static double[] endToEnd(String bootstrap, Topics topics, List<RawDocument> samples, int n, int rate,
      String run) throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    long[] latencies = new long[n];
    int[] seen = {0};
    CountDownLatch done = new CountDownLatch(n);
    ProcessorListener listener = new ProcessorListener() {
      @Override
      public void published(Article a) {
        Long t = sentAt.get(a.rawId());
        if (t != null) {
          synchronized (latencies) {
            if (seen[0] < n) {
              latencies[seen[0]++] = System.nanoTime() - t;
            }
          }
        }
        done.countDown();
      }

      @Override
      public void unchanged(Article a) {
        done.countDown();
      }

      @Override
      public void deadLettered(io.wirefeed.model.DeadLetter d) {
        done.countDown();
      }
    };
    long start;
    try (ArticleProcessor processor = new ArticleProcessor(bootstrap, topics, "bench-" + run, "bench-tx-" + run,
        new Normalizer()::normalize, listener);
        RawPublisher publisher = new RawPublisher(bootstrap, topics, Map.of())) {
      Thread t = new Thread(processor, "bench-normalize");
      t.start();
      start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        RawDocument s = samples.get(i % samples.size());
        if (rate > 0) {
          // Open-loop pacing: send document i at start + i/rate, so latency is measured below saturation.
          long due = start + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        String id = "bench-" + run + "-" + i;
        // A distinct URL and no canonical link per document, so each one is a new article (a distinct id), not an
        // unchanged re-send of one of the sample pages.
        RawDocument doc = new RawDocument(id, s.url() + "?" + run + "=" + i, Instant.now(), 200, s.contentType(),
            CANONICAL.matcher(s.body()).replaceAll(""), "bench", null, null, null);
        sentAt.put(id, System.nanoTime());
        publisher.publish(doc);
      }
      publisher.flush();
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("end-to-end benchmark timed out: " + done.getCount() + " left");
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(latencies, seen[0]);
    Arrays.sort(sorted);
    return new double[] {n / secs, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6};
  }

  private static double pct(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  private static List<RawDocument> demoDocuments() throws Exception {
    List<RawDocument> out = new ArrayList<>();
    try (InputStream in = BenchCommand.class.getResourceAsStream("/demo/manifest.json")) {
      for (var page : io.wirefeed.model.WireJson.mapper().readTree(in).path("pages")) {
        String path = page.path("path").asText();
        try (InputStream p = BenchCommand.class.getResourceAsStream("/demo" + path)) {
          String charset = page.path("charset").asText("UTF-8");
          String body = new String(p.readAllBytes(), java.nio.charset.Charset.forName(charset));
          out.add(new RawDocument("sample" + out.size(), "http://bench.example" + path, Instant.now(), 200,
              "text/html; charset=utf-8", body, "bench", null, null, null));
        }
      }
    }
    return out;
  }
}
