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
import io.wirefeed.publish.TopicAdmin;
import io.wirefeed.publish.Topics;
import java.nio.file.Path;
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
      TopicAdmin.ensureTopics(bootstrap, topics.all(), Duration.ofSeconds(60));
      if (stages.contains(Stage.NORMALIZE)) {
        pipeline.startNormalize(config, listener);
      }
      if (stages.contains(Stage.INGEST)) {
        pipeline.startIngest(config, listener);
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

  private void startNormalize(WirefeedConfig config, PipelineListener listener) {
    Normalizer normalizer = new Normalizer();
    ArticleProcessor processor = new ArticleProcessor(bootstrapServers, topics, config.normalize().groupId(),
        config.normalize().transactionalId(), normalizer::normalize, new ProcessorListener() {
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
        });
    Thread thread = new Thread(processor, "normalize");
    thread.start();
    closeables.add(() -> {
      processor.close();
      thread.join(30_000);
    });
  }

  private void startIngest(WirefeedConfig config, PipelineListener listener) {
    WirefeedConfig.Ingest in = config.ingest();
    IngestLimits limits = new IngestLimits(in.connectTimeout(), in.readTimeout(), in.maxFeedBytes(),
        in.maxPageBytes(), in.maxRedirects(), in.userAgent(), in.maxItemsPerPoll());
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
    for (FeedSpec feed : config.feeds()) {
      scheduler.scheduleWithFixedDelay(() -> pollSafely(poller, feed, sink, listener),
          0, feed.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void pollSafely(FeedPoller poller, FeedSpec feed, KafkaDocumentSink sink,
      PipelineListener listener) {
    try {
      PollReport report = poller.poll(feed, sink);
      if (report.error() != null) {
        LOG.warn("feed {}: {}", feed.id(), report.error());
      } else {
        LOG.info("feed {}: HTTP {}, {} new, {} seen, {} failed", feed.id(), report.httpStatus(),
            report.newItems(), report.seenItems(), report.failedItems());
      }
      listener.polled(report);
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule alive.
      LOG.error("feed {}: poll failed", feed.id(), e);
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
