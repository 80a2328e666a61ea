package io.wirefeed.publish;

import io.wirefeed.model.Article;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted articles topic (committed records only) into {@link ArticleVersions}, from the beginning
 * the first time and from where it stopped afterwards, so the processor knows each article's latest version.
 */
final class ArticleLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleLog.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final JsonSerde<Article> serde = JsonSerde.of(Article.class);
  private final Set<TopicPartition> assigned = new HashSet<>();

  ArticleLog(String bootstrapServers, String topic, String clientId) {
    this.topic = topic;
    // No group: this reader always wants everything, and must not take part in the raw consumer group.
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Reads every committed record up to the current end of the topic into {@code versions}.
   *
   * @throws TimeoutException when the end is not reached within {@code timeout}
   */
  void catchUp(ArticleVersions versions, Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    assignNewPartitions(timeout);
    if (assigned.isEmpty()) {
      throw new TimeoutException("Topic " + topic + " has no partitions (does it exist?)");
    }
    // With read_committed, end offsets are the last stable offsets: an open transaction is waited for.
    Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
    int read = 0;
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Reading " + topic + " did not reach its end offsets " + end + " within "
            + timeout);
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
        apply(r, versions);
        read++;
      }
    }
    LOG.debug("read {} records from {}; {} articles known", read, topic, versions.size());
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void assignNewPartitions(Duration timeout) {
    List<TopicPartition> all = consumer.partitionsFor(topic, timeout).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    List<TopicPartition> fresh = all.stream().filter(tp -> !assigned.contains(tp)).toList();
    if (fresh.isEmpty()) {
      return;
    }
    assigned.addAll(fresh);
    consumer.assign(assigned);
    consumer.seekToBeginning(fresh);
  }

  private void apply(ConsumerRecord<String, byte[]> r, ArticleVersions versions) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      versions.remove(r.key());
      return;
    }
    try {
      Article a = serde.deserialize(r.topic(), r.value());
      versions.put(a.id(), new ArticleVersions.Known(ArticleVersions.hashOf(a), a.version()));
    } catch (SerializationException e) {
      // Someone else's unreadable record: it cannot be a version of ours, so it is skipped, loudly.
      LOG.warn("skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
