package io.wirefeed.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a read_committed consumer sees on a topic, waiting with a deadline for a minimum count. */
final class TopicContents {
  private TopicContents() {}

  /**
   * Every committed record of {@code topic}, read until at least {@code atLeast} arrived and the end is reached
   * (commit markers land just after commitTransaction returns, so the end can move while reading).
   */
  static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, int atLeast, Duration timeout) {
    return read(bootstrap, topic, atLeast, timeout, "read_committed");
  }

  /**
   * Every record ever written to {@code topic}, aborted and still-open transactions included: what shows that a
   * producer wrote nothing at all, since a sent record is there as soon as it is acknowledged.
   */
  static List<ConsumerRecord<String, String>> readUncommitted(String bootstrap, String topic, Duration timeout) {
    return read(bootstrap, topic, 0, timeout, "read_uncommitted");
  }

  private static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, int atLeast,
      Duration timeout, String isolation) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrap,
        "isolation.level", isolation,
        "enable.auto.commit", false,
        "allow.auto.create.topics", false),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(out::add);
        if (out.size() >= atLeast && atEnd(consumer, partitions)) {
          break;
        }
      }
    }
    return out;
  }

  private static boolean atEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
  }
}
