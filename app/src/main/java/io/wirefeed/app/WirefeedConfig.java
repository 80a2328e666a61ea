package io.wirefeed.app;

import io.wirefeed.ingest.FeedSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, loaded once at start-up by {@link ConfigLoader}; each stage receives only its part.
 *
 * @param kafka where the topics live
 * @param ingest fetch limits and politeness
 * @param normalize the normalize service's consumer group
 * @param http the operations endpoint
 * @param feeds the feeds to poll
 */
record WirefeedConfig(Kafka kafka, Ingest ingest, Normalize normalize, Http http, List<FeedSpec> feeds,
    List<Route> routes) {

  WirefeedConfig {
    feeds = List.copyOf(feeds);
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  WirefeedConfig(Kafka kafka, Ingest ingest, Normalize normalize, Http http, List<FeedSpec> feeds) {
    this(kafka, ingest, normalize, http, feeds, List.of());
  }

  /**
   * An extra topic that receives the articles matching a rule, e.g. language fr -> wirefeed.articles.fr.v1.
   *
   * @param field language, agency or category
   * @param value compared case-insensitively
   * @param topic the routed topic's name (the topic prefix applies)
   */
  record Route(String field, String value, String topic) {}

  /**
   * Kafka settings.
   *
   * @param bootstrapServers empty means: start the embedded broker
   * @param topicPrefix prefix for every topic name
   * @param dataDir the embedded broker's data directory (kept across restarts)
   * @param partitions partitions of the raw, articles and DLQ topics
   * @param embeddedPort the embedded broker's port (0: any free port)
   */
  record Kafka(String bootstrapServers, String topicPrefix, Path dataDir, int partitions, int embeddedPort) {
    boolean embedded() {
      return bootstrapServers == null || bootstrapServers.isBlank();
    }
  }

  /** Ingest limits and politeness. */
  record Ingest(Duration connectTimeout, Duration readTimeout, long maxFeedBytes, long maxPageBytes,
      int maxRedirects, String userAgent, int maxItemsPerPoll, Duration perHostDelay, int maxConnectionsPerHost) {
    /** The same settings with another per-host delay (local runs against one loopback server use none). */
    Ingest withPerHostDelay(Duration delay) {
      return new Ingest(connectTimeout, readTimeout, maxFeedBytes, maxPageBytes, maxRedirects, userAgent,
          maxItemsPerPoll, delay, maxConnectionsPerHost);
    }
  }

  /** Normalize service settings. */
  record Normalize(String groupId, String transactionalId) {}

  /** Operations endpoint port: 0 any free port, -1 off. */
  record Http(int port) {}
}
