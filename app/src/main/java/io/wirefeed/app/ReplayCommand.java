package io.wirefeed.app;

import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.normalize.Normalizer;
import io.wirefeed.publish.ArticleProcessor;
import io.wirefeed.publish.ProcessorListener;
import io.wirefeed.publish.RouteRule;
import io.wirefeed.publish.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wirefeed replay}: re-normalizes what is on {@code wirefeed.raw.v1} with the current normalizer and
 * publishes new versions only where the result changed.
 *
 * <p>It runs the same transactional processor as the normalize service under a fresh consumer group whose
 * offsets are first set to the requested start, so the usual rules apply: unchanged content publishes nothing, a
 * changed body is published as version + 1 under the same key.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-normalize the raw documents on wirefeed.raw.v1 (all, or from a time on) with the current",
        "normalizer; publish new versions only where the result changed. Exits when caught up."})
final class ReplayCommand implements Callable<Integer> {
  @Mixin
  ServiceOptions options = new ServiceOptions();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Start start;

  static final class Start {
    @Option(names = "--all", description = "from the beginning of the raw topic")
    boolean all;

    @Option(names = "--from", paramLabel = "TIMESTAMP", description = "from this ISO-8601 instant, e.g. 2026-11-01T00:00:00Z")
    String from;
  }

  @Option(names = "--timeout", defaultValue = "30m", description = "give up after this long (default: ${DEFAULT-VALUE})")
  String timeout;

  @Override
  public Integer call() throws Exception {
    Instant since;
    try {
      since = start.all ? null : Instant.parse(start.from);
    } catch (DateTimeParseException e) {
      System.err.println("replay: --from needs an ISO-8601 instant such as 2026-11-01T00:00:00Z");
      return 2;
    }
    WirefeedConfig base;
    try {
      base = ConfigLoader.load(options.configFile(ServiceRunner.bundledRunConfig()), System.getenv());
    } catch (ConfigLoader.ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    WirefeedConfig config = new WirefeedConfig(base.kafka(), base.ingest(), base.normalize(),
        new WirefeedConfig.Http(-1), List.of(), base.routes());
    try (Pipeline pipeline = Pipeline.start(config, EnumSet.noneOf(Pipeline.Stage.class), new PipelineListener() {})) {
      Result r = replay(pipeline.bootstrapServers(), pipeline.topics(), since, new Normalizer()::normalize,
          config.routes().stream().map(x -> new RouteRule(x.field(), x.value(), x.topic())).toList(),
          ConfigLoader.parseDuration(timeout, "--timeout", new java.util.ArrayList<>()));
      System.out.println("replayed " + r.total() + " raw documents" + (since == null ? "" : " since " + since)
          + ": " + r.published() + " new versions, " + r.unchanged() + " unchanged, " + r.deadLettered()
          + " dead letters" + (r.complete() ? "" : " (INCOMPLETE: stopped early)"));
      return r.complete() ? 0 : 1;
    }
  }

  /** What a replay did; {@code complete} is false when it stopped before catching up. */
  record Result(long total, long published, long unchanged, long deadLettered, boolean complete) {}

  /** Replays {@code raw} from {@code since} (null: the beginning) through {@code normalize}; blocks until caught up. */
  static Result replay(String bootstrap, Topics topics, Instant since,
      Function<RawDocument, Outcome<Article>> normalize, List<RouteRule> routes, Duration timeout)
      throws Exception {
    String group = "wirefeed-replay-" + System.currentTimeMillis();
    AtomicLong published = new AtomicLong();
    AtomicLong unchanged = new AtomicLong();
    AtomicLong dead = new AtomicLong();
    try (Admin admin = admin(bootstrap)) {
      long total = seekGroup(admin, group, topics.raw().name(), topics.raw().partitions(), since);
      if (total == 0) {
        return new Result(0, 0, 0, 0, true);
      }
      ProcessorListener listener = new ProcessorListener() {
        @Override
        public void published(Article a) {
          published.incrementAndGet();
        }

        @Override
        public void unchanged(Article a) {
          unchanged.incrementAndGet();
        }

        @Override
        public void deadLettered(DeadLetter d) {
          dead.incrementAndGet();
        }
      };
      boolean complete = true;
      try (ArticleProcessor processor = new ArticleProcessor(bootstrap, topics, group, group, normalize, listener,
          routes, true)) {
        Thread t = new Thread(processor, "replay");
        t.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (published.get() + unchanged.get() + dead.get() < total) {
          if (System.nanoTime() > deadline || !t.isAlive()) {
            complete = false;
            break;
          }
          TimeUnit.MILLISECONDS.sleep(50);
        }
      } finally {
        admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
      }
      return new Result(total, published.get(), unchanged.get(), dead.get(), complete);
    }
  }

  /** Sets the replay group's offsets to the start position; returns how many records lie between it and the end. */
  private static long seekGroup(Admin admin, String group, String topic, int partitions, Instant since)
      throws Exception {
    Map<TopicPartition, OffsetSpec> startSpec = new HashMap<>();
    Map<TopicPartition, OffsetSpec> endSpec = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      startSpec.put(tp, since == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(since.toEpochMilli()));
      endSpec.put(tp, OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
        admin.listOffsets(startSpec).all().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(endSpec).all().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    long total = 0;
    for (var e : ends.entrySet()) {
      long end = e.getValue().offset();
      long begin = starts.get(e.getKey()).offset();
      // forTimestamp answers -1 when no record is that recent: nothing to replay there.
      begin = begin < 0 ? end : begin;
      offsets.put(e.getKey(), new OffsetAndMetadata(begin));
      total += end - begin;
    }
    admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    return total;
  }

  private static Admin admin(String bootstrap) throws IOException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }
}
