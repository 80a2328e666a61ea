package io.wirefeed.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The wirefeed topics under one name prefix, each with the partitions and configs it is created with.
 *
 * <p>Names are versioned ({@code .v1}): a breaking change to a record gets a new topic, not a new meaning.
 */
public final class Topics {
  /** Partitions of the raw, articles, quotes, routed and dead-letter topics unless {@link #withPartitions(int)} says otherwise. */
  public static final int DEFAULT_PARTITIONS = 3;

  /**
   * Largest record the raw and dead-letter topics accept: a fetched page is text that can pass the broker's 1 MB
   * default, and a dead letter carries the raw document.
   */
  static final int LARGE_RECORD_BYTES = 8 * 1024 * 1024;

  private static final String DELETE = "delete";
  private static final String COMPACT = "compact";

  private final String prefix;
  private final int partitions;

  private Topics(String prefix, int partitions) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (partitions < 1) {
      throw new IllegalArgumentException("Invalid partitions: " + partitions + " (must be >= 1)");
    }
    this.partitions = partitions;
  }

  /** The topics whose names start with {@code prefix}; {@code ""} gives the plain names. */
  public static Topics withPrefix(String prefix) {
    return new Topics(prefix == null ? "" : prefix, DEFAULT_PARTITIONS);
  }

  /** The same topics with {@code partitions} partitions for all but ingest state, which keeps 1. */
  public Topics withPartitions(int newPartitions) {
    return new Topics(prefix, newPartitions);
  }

  /** The name prefix, possibly empty. */
  public String prefix() {
    return prefix;
  }

  /** {@code wirefeed.raw.v1}: fetched documents keyed by document id; zstd, kept 7 days. */
  public TopicSpec raw() {
    return new TopicSpec(prefix + "wirefeed.raw.v1", partitions, Map.of(
        "cleanup.policy", DELETE,
        "retention.ms", String.valueOf(Duration.ofDays(7).toMillis()),
        "compression.type", "zstd",
        "max.message.bytes", String.valueOf(LARGE_RECORD_BYTES)));
  }

  /** {@code wirefeed.articles.v1}: normalized articles keyed by article id, compacted to the latest version. */
  public TopicSpec articles() {
    return new TopicSpec(prefix + "wirefeed.articles.v1", partitions, Map.of("cleanup.policy", COMPACT));
  }

  /**
   * {@code wirefeed.quotes.v1}: one {@link io.wirefeed.model.QuoteRecord} per quote of every published article
   * version, keyed {@code articleId:index}; kept 30 days.
   */
  public TopicSpec quotes() {
    return new TopicSpec(prefix + "wirefeed.quotes.v1", partitions, Map.of(
        "cleanup.policy", DELETE,
        "retention.ms", String.valueOf(Duration.ofDays(30).toMillis())));
  }

  /**
   * A routed copy of the articles topic, {@code prefix + name} (e.g. {@code wirefeed.articles.fr.v1}), created with
   * the articles topic's configs: compacted to the latest version per article. Not part of {@link #all()}: the
   * routes are configuration, so whoever configures them creates these before the processor starts.
   *
   * @throws IllegalArgumentException when {@code prefix + name} is not a legal topic name
   */
  public TopicSpec routed(String name) {
    Objects.requireNonNull(name, "name");
    return new TopicSpec(prefix + name, partitions, articles().configs());
  }

  /** {@code wirefeed.dlq.v1}: what a stage could not handle, with why; kept 30 days. */
  public TopicSpec dlq() {
    return new TopicSpec(prefix + "wirefeed.dlq.v1", partitions, Map.of(
        "cleanup.policy", DELETE,
        "retention.ms", String.valueOf(Duration.ofDays(30).toMillis()),
        "max.message.bytes", String.valueOf(LARGE_RECORD_BYTES)));
  }

  /** {@code wirefeed.ingest-state.v1}: per-feed ingest state keyed by feed id, compacted. */
  public TopicSpec ingestState() {
    // One partition: the state is small and read whole at start-up.
    return new TopicSpec(prefix + "wirefeed.ingest-state.v1", 1, Map.of("cleanup.policy", COMPACT));
  }

  /** Every fixed topic, in data-flow order (routed topics depend on configuration: see {@link #routed}). */
  public List<TopicSpec> all() {
    return List.of(raw(), articles(), quotes(), dlq(), ingestState());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topics other && prefix.equals(other.prefix) && partitions == other.partitions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, partitions);
  }

  @Override
  public String toString() {
    return "Topics[prefix=" + prefix + ", partitions=" + partitions + "]";
  }
}
