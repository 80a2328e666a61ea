package io.wirefeed.publish;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes fetched documents to the raw topic, and what ingest could not handle to the dead-letter topic, with
 * an idempotent producer that waits for every in-sync replica.
 *
 * <p>Thread-safe: one instance serves every ingest thread.
 */
public final class RawPublisher implements AutoCloseable {
  /** Long enough to ride out a broker that is away for a minute or more (restart, leader move). */
  static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private final JsonSerde<RawDocument> rawSerde = JsonSerde.of(RawDocument.class);
  private final JsonSerde<DeadLetter> letterSerde = JsonSerde.of(DeadLetter.class);

  /**
   * A publisher on {@code bootstrapServers}; {@code overrides} are producer configs applied last (for example a
   * {@code client.id}); may be empty.
   */
  public RawPublisher(String bootstrapServers, Topics topics, Map<String, Object> overrides) {
    this.topics = Objects.requireNonNull(topics, "topics");
    Map<String, Object> conf = new HashMap<>(reliableProducerConfig(bootstrapServers));
    // A broker that goes away takes the topic out of the producer's metadata, and send() then blocks for it:
    // with the 60 s default a document handed over during an outage failed after 60 s while one already
    // buffered waited 3 min. Both now wait as long (RawPublisherOutageTest).
    conf.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
    if (overrides != null) {
      conf.putAll(overrides);
    }
    this.producer = new KafkaProducer<>(conf, new StringSerializer(), new ByteArraySerializer());
  }

  /** The producer settings wirefeed relies on: idempotent, acks=all, zstd, a long delivery timeout. */
  static Map<String, Object> reliableProducerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.LARGE_RECORD_BYTES);
  }

  /**
   * Sends {@code doc} to the raw topic keyed by its id. The future completes when the broker has acknowledged
   * it, or exceptionally with the reason it could not be delivered; this method itself does not throw. While the
   * broker is unreachable (or the buffer full) it blocks, up to the delivery timeout (3 min), so an outage
   * shorter than that fails nothing: sends are retried and the idempotent producer writes each record once.
   */
  public CompletableFuture<Void> publish(RawDocument doc) {
    if (doc == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid raw document: null"));
    }
    return send(topics.raw().name(), doc.id(), () -> rawSerde.serialize(topics.raw().name(), doc));
  }

  /** Sends {@code letter} to the dead-letter topic keyed by its document id; completes as {@link #publish}. */
  public CompletableFuture<Void> deadLetter(DeadLetter letter) {
    if (letter == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid dead letter: null"));
    }
    return send(topics.dlq().name(), letter.documentId(), () -> letterSerde.serialize(topics.dlq().name(), letter));
  }

  private CompletableFuture<Void> send(String topic, String key, Supplier<byte[]> value) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      RecordHeaders headers = new RecordHeaders();
      headers.add(Headers.CONTENT_TYPE, Headers.JSON.getBytes(StandardCharsets.UTF_8));
      producer.send(new ProducerRecord<>(topic, null, key, value.get(), headers), (metadata, error) -> {
        if (error == null) {
          done.complete(null);
        } else {
          done.completeExceptionally(error);
        }
      });
    } catch (RuntimeException e) {
      // Serialization failures, a closed producer, a record over the size limit: the caller gets the reason.
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Blocks until every record sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  /** Sends what is buffered (waiting a few seconds at most) and releases the producer. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }
}
