package io.wirefeed.app;

import io.wirefeed.ingest.FeedSpec;
import io.wirefeed.model.WireJson;
import io.wirefeed.publish.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the feed list between ingest instances: feed definitions live on the compacted feeds topic, and each
 * instance schedules only the feeds on the partitions the ingest consumer group assigns to it, so stopping one
 * instance moves its feeds to the others within a rebalance.
 */
final class FeedDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedDirectory.class);
  private static final Duration POLL = Duration.ofMillis(100);
  /** Partitions of the feeds topic: the most ingest instances that can share the work. */
  static final int PARTITIONS = 6;

  private final String topic;
  private final ScheduledExecutorService scheduler;
  private final Function<FeedSpec, Duration> pollOnce;
  private final Function<FeedSpec, Duration> firstDelay;
  private final Consumer<Collection<String>> beforeSchedule;
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();
  /** Assigned partitions still being read up to the end offset they had at assignment; latest spec per key. */
  private final Map<TopicPartition, Long> loadingEnd = new HashMap<>();
  private final Map<TopicPartition, Map<String, FeedSpec>> loading = new HashMap<>();
  private volatile boolean closed;

  /**
   * Starts the membership thread.
   *
   * @param pollOnce polls a feed once and returns the delay before its next poll
   * @param firstDelay the delay before a feed's first poll here (its saved state may say it is not due yet)
   * @param beforeSchedule gets the ids of feeds about to be scheduled here (reloads the state they resume from)
   */
  FeedDirectory(String bootstrapServers, String topic, String groupId, ScheduledExecutorService scheduler,
      Function<FeedSpec, Duration> pollOnce, Function<FeedSpec, Duration> firstDelay,
      Consumer<Collection<String>> beforeSchedule) {
    this.topic = topic;
    this.scheduler = scheduler;
    this.pollOnce = pollOnce;
    this.firstDelay = firstDelay;
    this.beforeSchedule = beforeSchedule;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // Cooperative: a rebalance revokes only the partitions that move, so the others' feeds keep their schedule.
    p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumer = new KafkaConsumer<>(p);
    this.thread = new Thread(this::run, "ingest-feeds");
    thread.setDaemon(true);
    thread.start();
  }

  /** The feeds topic: compacted, keyed by feed id. */
  static TopicSpec topic(String prefix) {
    return new TopicSpec(prefix + "wirefeed.feeds.v1", PARTITIONS, Map.of("cleanup.policy", "compact"));
  }

  /** The ingest group: the normalize group's sibling ({@code wirefeed-normalize} gives {@code wirefeed-ingest}). */
  static String groupId(String normalizeGroupId) {
    return normalizeGroupId.endsWith("normalize")
        ? normalizeGroupId.substring(0, normalizeGroupId.length() - "normalize".length()) + "ingest"
        : normalizeGroupId + "-ingest";
  }

  /**
   * Upserts the definitions by feed id and waits until they are durable. A feed missing from {@code feeds} is not
   * deleted: removing one takes a tombstone on the topic.
   */
  static void publish(String bootstrapServers, String topic, List<FeedSpec> feeds) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      List<Future<?>> sent = new ArrayList<>();
      for (FeedSpec f : feeds) {
        sent.add(producer.send(new ProducerRecord<>(topic, f.id(), WireJson.mapper().writeValueAsString(f))));
      }
      for (Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
          drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (partitions.isEmpty()) {
            return;
          }
          consumer.seekToBeginning(partitions);
          Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
          for (TopicPartition tp : partitions) {
            loadingEnd.put(tp, end.getOrDefault(tp, 0L));
            loading.put(tp, new LinkedHashMap<>());
          }
          LOG.info("feeds partitions assigned: {}", partitions);
        }
      });
      while (!closed) {
        for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
          apply(r);
        }
        finishLoading();
      }
    } catch (WakeupException e) {
      // close() asked to stop
    } catch (RuntimeException e) {
      if (!closed) {
        LOG.error("feed membership stopped", e);
      }
    } finally {
      // Closing leaves the group at once, so the other instances take these feeds over in the next rebalance.
      consumer.close(Duration.ofSeconds(5));
      cancelAll();
    }
  }

  private void apply(ConsumerRecord<String, String> r) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    FeedSpec spec = parse(r);
    Map<String, FeedSpec> pending = loading.get(tp);
    if (pending != null) {
      // Still reading the partition's history: the latest definition per key wins, a tombstone removes it.
      pending.remove(r.key());
      if (spec != null) {
        pending.put(r.key(), spec);
      }
      return;
    }
    Scheduled previous = scheduled.get(r.key());
    // A definition the operator changed (a new URL, selector, interval) is polled at once; the same one published
    // again (every instance upserts its configured feeds at start) keeps the feed's saved schedule.
    boolean redefined = previous != null && spec != null && !previous.spec.equals(spec);
    unschedule(r.key());
    if (spec != null) {
      beforeSchedule.accept(List.of(spec.id()));
      schedule(tp, spec, redefined);
    }
  }

  private FeedSpec parse(ConsumerRecord<String, String> r) {
    if (r.value() == null || r.key() == null) {
      return null;
    }
    try {
      FeedSpec spec = WireJson.mapper().readValue(r.value(), FeedSpec.class);
      return spec.id().equals(r.key()) ? spec : null;
    } catch (Exception e) {
      // An unreadable definition is skipped, not fatal: the next valid upsert of that feed replaces it.
      LOG.warn("feed definition {} unreadable: {}", r.key(), e.toString());
      return null;
    }
  }

  private void finishLoading() {
    if (loadingEnd.isEmpty()) {
      return;
    }
    List<TopicPartition> done = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> e : loadingEnd.entrySet()) {
      if (consumer.position(e.getKey()) >= e.getValue()) {
        done.add(e.getKey());
      }
    }
    if (done.isEmpty()) {
      return;
    }
    Map<TopicPartition, Map<String, FeedSpec>> ready = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (TopicPartition tp : done) {
      loadingEnd.remove(tp);
      ready.put(tp, loading.remove(tp));
      ids.addAll(ready.get(tp).keySet());
    }
    beforeSchedule.accept(ids);
    ready.forEach((tp, specs) -> specs.values().forEach(spec -> {
      unschedule(spec.id());
      schedule(tp, spec, false);
    }));
  }

  private void schedule(TopicPartition tp, FeedSpec spec, boolean now) {
    Scheduled s = new Scheduled(tp, spec);
    scheduled.put(spec.id(), s);
    s.next(now ? 0 : firstDelay.apply(spec).toMillis());
  }

  private void unschedule(String feedId) {
    Scheduled s = scheduled.remove(feedId);
    if (s != null) {
      s.cancel();
    }
  }

  private void drop(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      loadingEnd.remove(tp);
      loading.remove(tp);
    }
    scheduled.values().removeIf(s -> {
      if (partitions.contains(s.partition)) {
        s.cancel();
        return true;
      }
      return false;
    });
    if (!partitions.isEmpty()) {
      LOG.info("feeds partitions revoked: {}", partitions);
    }
  }

  private void cancelAll() {
    scheduled.values().forEach(Scheduled::cancel);
    scheduled.clear();
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join(10_000);
  }

  /** One feed's self-rescheduling poll loop; cancelling lets an in-flight poll finish but schedules no more. */
  private final class Scheduled implements Runnable {
    private final TopicPartition partition;
    private final FeedSpec spec;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> future;

    Scheduled(TopicPartition partition, FeedSpec spec) {
      this.partition = partition;
      this.spec = spec;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      // Each poll reschedules the feed with the delay ingest adapts to how often it changes.
      next(pollOnce.apply(spec).toMillis());
    }

    void next(long delayMillis) {
      if (cancelled) {
        return;
      }
      try {
        future = scheduler.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    }

    void cancel() {
      cancelled = true;
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }
}
