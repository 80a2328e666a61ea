package io.wirefeed.app;

import io.wirefeed.ingest.FeedState;
import io.wirefeed.ingest.FeedStateStore;
import io.wirefeed.model.WireJson;
import io.wirefeed.publish.TopicReader;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Per-feed ingest state (ETag, Last-Modified, seen item keys) on the compacted {@code wirefeed.ingest-state.v1}
 * topic, so that an instance restarted anywhere resumes without refetching or losing items.
 */
final class KafkaFeedStateStore implements FeedStateStore, AutoCloseable {
  private final Map<String, FeedState> states = new ConcurrentHashMap<>();
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final String bootstrapServers;

  KafkaFeedStateStore(String bootstrapServers, String topic) {
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
    read(null);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producer = new KafkaProducer<>(p);
  }

  /**
   * Reads the state of {@code feedIds} again: run before feeds another instance polled until now are scheduled
   * here, so they resume from that instance's last saved state instead of refetching. Limited to those feeds so
   * that an older record never overwrites the state of a feed this instance is polling.
   */
  void reload(Collection<String> feedIds) {
    if (!feedIds.isEmpty()) {
      read(Set.copyOf(feedIds));
    }
  }

  private void read(Set<String> only) {
    TopicReader.tail(bootstrapServers, topic, false, Duration.ofSeconds(10), rec -> {
      if (only != null && !only.contains(rec.key())) {
        return;
      }
      if (rec.value() == null) {
        states.remove(rec.key());
        return;
      }
      try {
        states.put(rec.key(), WireJson.mapper().readValue(rec.value(), FeedState.class));
      } catch (Exception e) {
        // An unreadable state record only costs a refetch of that feed: ingest dedups by item key.
        states.remove(rec.key());
      }
    });
  }

  @Override
  public Optional<FeedState> load(String feedId) {
    return Optional.ofNullable(states.get(feedId));
  }

  @Override
  public void save(FeedState s) throws Exception {
    producer.send(new ProducerRecord<>(topic, s.feedId(), WireJson.mapper().writeValueAsString(s)))
        .get(150, TimeUnit.SECONDS);
    states.put(s.feedId(), s);
  }

  int size() {
    return states.size();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
