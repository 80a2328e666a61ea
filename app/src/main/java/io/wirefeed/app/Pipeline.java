package io.wirefeed.app;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.ingest.FeedPoller;
import io.wirefeed.ingest.FeedSpec;
import io.wirefeed.ingest.IngestLimits;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.normalize.Normalizer;
import io.wirefeed.publish.ArticleProcessor;
import io.wirefeed.publish.ProcessorListener;
import io.wirefeed.publish.RawPublisher;
import io.wirefeed.publish.RouteRule;
import io.wirefeed.publish.TopicSpec;
import io.wirefeed.publish.TopicAdmin;
import io.wirefeed.publish.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the stages to Kafka by hand: the embedded broker when none is configured, the topics, the ingest
 * scheduler and the normalize service. Closing it stops everything in reverse order.
 */
final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** The services one process can run. */
  enum Stage { INGEST, NORMALIZE }

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final String bootstrapServers;
  private final Topics topics;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final StatusBoard board = new StatusBoard(registry);
  private Admin admin;
  private OpsServer ops;
  private volatile ArticleProcessor processor;

  private Pipeline(String bootstrapServers, Topics topics) {
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
  }

  /** Starts the given stages, and the embedded broker first when no bootstrap servers are configured. */
  static Pipeline start(WirefeedConfig config, Set<Stage> stages, PipelineListener listener)
      throws Exception {
    String bootstrap = config.kafka().bootstrapServers();
    EmbeddedKafka broker = null;
    if (config.kafka().embedded()) {
      Path dir = config.kafka().dataDir().toAbsolutePath();
      LOG.info("starting the embedded Kafka broker, data in {}", dir);
      broker = EmbeddedKafka.start(dir, config.kafka().embeddedPort());
      bootstrap = broker.bootstrapServers();
      LOG.info("embedded Kafka broker ready at {}", bootstrap);
    }
    Topics topics = Topics.withPrefix(config.kafka().topicPrefix()).withPartitions(config.kafka().partitions());
    Pipeline pipeline = new Pipeline(bootstrap, topics);
    if (broker != null) {
      pipeline.closeables.add(broker);
    }
    try {
      List<TopicSpec> specs = new ArrayList<>(topics.all());
      config.routes().forEach(r -> specs.add(topics.routed(r.topic())));
      specs.add(FeedDirectory.topic(topics.prefix()));
      TopicAdmin.ensureTopics(bootstrap, specs, Duration.ofSeconds(60));
      pipeline.startOperations(config);
      PipelineListener all = pipeline.board.and(listener);
      if (stages.contains(Stage.NORMALIZE)) {
        pipeline.startNormalize(config, all);
      }
      if (stages.contains(Stage.INGEST)) {
        pipeline.startIngest(config, all);
      }
    } catch (Exception | Error e) {
      pipeline.close();
      throw e;
    }
    return pipeline;
  }

  static Set<Stage> allStages() {
    return EnumSet.allOf(Stage.class);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  Topics topics() {
    return topics;
  }

  /** The ops endpoint's port, or -1 when it is off. */
  int opsPort() {
    return ops == null ? -1 : ops.port();
  }

  private void startOperations(WirefeedConfig config) throws java.io.IOException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    admin = Admin.create(p);
    closeables.add(() -> admin.close(Duration.ofSeconds(2)));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    if (config.http().port() >= 0) {
      ops = OpsServer.start(config.http().port(), registry, board, this::ready);
      closeables.add(ops);
      LOG.info("operations endpoint on http://127.0.0.1:{}/ (health, ready, metrics)", ops.port());
    }
  }

  /** Ready: the cluster answers and, when this process normalizes, its consumer has partitions. */
  private boolean ready() {
    ArticleProcessor p = processor;
    return brokerReachable() && (p == null || p.assigned());
  }

  private boolean brokerReachable() {
    try {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  /** Records behind the normalize group's committed offsets on the raw topic, or NaN when unknown. */
  private double normalizeLag(String groupId) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int i = 0; i < topics.raw().partitions(); i++) {
        request.put(new TopicPartition(topics.raw().name(), i), OffsetSpec.latest());
      }
      long lag = 0;
      for (var e : admin.listOffsets(request).all().get(3, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private void startNormalize(WirefeedConfig config, PipelineListener listener) {
    Normalizer normalizer = new Normalizer();
    String groupId = config.normalize().groupId();
    Gauge.builder("wirefeed.normalize.lag", () -> normalizeLag(groupId))
        .description("raw records not yet normalized by the group").tag("group", groupId).register(registry);
    ArticleProcessor processor = new ArticleProcessor(bootstrapServers, topics, groupId,
        transactionalId(config.normalize()), normalizer::normalize, listenerFor(listener), routes(config), true);
    this.processor = processor;
    Thread thread = new Thread(processor, "normalize");
    thread.start();
    closeables.add(() -> {
      processor.close();
      thread.join(30_000);
    });
  }

  private static List<RouteRule> routes(WirefeedConfig config) {
    return config.routes().stream().map(r -> new RouteRule(r.field(), r.value(), r.topic())).toList();
  }

  private static ProcessorListener listenerFor(PipelineListener listener) {
    return new ProcessorListener() {
          @Override
          public void published(Article a) {
            listener.published(a);
          }

          @Override
          public void unchanged(Article a) {
            listener.unchanged(a);
          }

          @Override
          public void deadLettered(DeadLetter d) {
            listener.deadLettered(d);
          }
    };
  }

  private void startIngest(WirefeedConfig config, PipelineListener listener) throws Exception {
    WirefeedConfig.Ingest in = config.ingest();
    IngestLimits limits = new IngestLimits(in.connectTimeout(), in.readTimeout(), in.maxFeedBytes(),
        in.maxPageBytes(), in.maxRedirects(), in.userAgent(), in.maxItemsPerPoll(), in.maxConnectionsPerHost());
    KafkaFeedStateStore store = new KafkaFeedStateStore(bootstrapServers, topics.ingestState().name());
    closeables.add(store);
    RawPublisher publisher = new RawPublisher(bootstrapServers, topics, Map.of());
    closeables.add(publisher);
    KafkaDocumentSink sink = new KafkaDocumentSink(publisher, listener);
    FeedPoller poller = new FeedPoller(limits, store, Clock.systemUTC(), in.perHostDelay());
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
        Math.max(1, Math.min(4, config.feeds().size())), r -> {
          Thread t = new Thread(r, "ingest");
          t.setDaemon(true);
          return t;
        });
    // Closed first (closeables run in reverse), so no poll runs against a closed producer.
    closeables.add(() -> {
      scheduler.shutdownNow();
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    });
    // The feeds this instance polls are those on the feeds-topic partitions the ingest group assigns to it.
    TopicSpec feedsTopic = FeedDirectory.topic(topics.prefix());
    FeedDirectory.publish(bootstrapServers, feedsTopic.name(), config.feeds());
    FeedDirectory directory = new FeedDirectory(bootstrapServers, feedsTopic.name(),
        FeedDirectory.groupId(config.normalize().groupId()), scheduler,
        feed -> poller.nextDelay(feed, pollSafely(poller, feed, sink, listener)), poller::firstDelay, store::reload);
    closeables.add(directory);
  }

  /**
   * The configured transactional id, else {@code <groupId>-<host>}: stable across restarts of the same host or
   * container, so that a restarted instance fences its crashed predecessor at once instead of read_committed
   * consumers waiting for the old transaction to time out. Two instances on one host need distinct ids.
   */
  private static String transactionalId(WirefeedConfig.Normalize n) {
    if (n.transactionalId() != null && !n.transactionalId().isBlank()) {
      return n.transactionalId();
    }
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = java.util.UUID.randomUUID().toString();
    }
    return n.groupId() + "-" + host;
  }

  private PollReport pollSafely(FeedPoller poller, FeedSpec feed, KafkaDocumentSink sink,
      PipelineListener listener) {
    try {
      Timer.Sample sample = Timer.start(registry);
      PollReport report = poller.poll(feed, sink);
      sample.stop(registry.timer("wirefeed.poll.duration", "feed", feed.id()));
      if (report.error() != null) {
        LOG.warn("feed {}: {} (HTTP {}, {} new, {} seen, {} failed, {} bytes, next poll {})", feed.id(),
            report.error(), report.httpStatus(), report.newItems(), report.seenItems(), report.failedItems(),
            report.bytes(), report.nextPoll());
      } else {
        LOG.info("feed {}: HTTP {}, {} new, {} seen, {} failed, {} bytes, next poll {}", feed.id(),
            report.httpStatus(), report.newItems(), report.seenItems(), report.failedItems(), report.bytes(),
            report.nextPoll());
      }
      listener.polled(report);
      return report;
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule alive.
      LOG.error("feed {}: poll failed", feed.id(), e);
      return null;
    }
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
    closeables.clear();
  }
}
