package io.wirefeed.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning, committed records only, as string keys and values: for
 * {@code wirefeed tail} and for loading small compacted state topics.
 */
public final class TopicReader {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private TopicReader() {}

  /**
   * Hands every record of {@code topic}, partition by partition in offset order, to {@code out}.
   *
   * <p>Without {@code follow} it returns once the end offsets taken at the start are reached, or when no record
   * arrived for {@code idleTimeout} (an open transaction can hold the end back; zero or null: no such limit).
   * With {@code follow} it keeps reading new records until the calling thread is interrupted. It joins no
   * consumer group and commits nothing.
   *
   * @throws IllegalArgumentException when the topic does not exist
   */
  public static void tail(String bootstrapServers, String topic, boolean follow, Duration idleTimeout,
      Consumer<ConsumerRecord<String, String>> out) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(out, "out");
    Duration idle = idleTimeout == null || idleTimeout.isNegative() ? Duration.ZERO : idleTimeout;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("Unknown topic: " + topic + " on " + bootstrapServers);
      }
      List<TopicPartition> partitions = infos.stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
      long lastProgress = System.nanoTime();
      while (follow || !reached(consumer, end)) {
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        records.forEach(out);
        if (!records.isEmpty()) {
          lastProgress = System.nanoTime();
        } else if (!follow && !idle.isZero() && System.nanoTime() - lastProgress > idle.toNanos()) {
          return;
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (InterruptException e) {
      // poll() turns an interrupt into this; the caller asked to stop, and the interrupt flag is set again.
      Thread.currentThread().interrupt();
    }
  }

  private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
