package io.wirefeed.publish;

import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The normalize service loop, exactly once: consumes raw documents, and in one Kafka transaction per polled batch
 * publishes the resulting articles (or dead letters) together with the consumed offsets.
 *
 * <p>An article whose content hash matches its latest published version publishes nothing; a changed one is
 * published with the next version, in the same transaction as a copy on every routed topic whose
 * {@link RouteRule} matches and, when quotes are on, one {@link io.wirefeed.model.QuoteRecord} per quote on
 * {@link Topics#quotes()}. {@link #run()} loops until {@link #close()} is called from another thread.
 *
 * <p>Every topic written must exist: {@link Topics#all()} and {@link Topics#routed(String)} of each route, created
 * with {@link TopicAdmin#ensureTopics} before the processor starts. A batch that would write to a missing topic
 * is aborted and retried (logged, counted in {@link #aborted()}) until the topic appears; nothing is lost and
 * no other topic gets a partial write.
 */
public final class ArticleProcessor implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_POLL_RECORDS = 100;

  private final Topics topics;
  private final String bootstrapServers;
  private final String transactionalId;
  private final ProcessorListener listener;
  private final RecordHandler handler;
  private final ArticleRecords outputs;
  /** Topics seen to exist; a topic not in it is looked up before a transaction writes to it. */
  private final Set<String> existingTopics = new HashSet<>();
  private final Consumer<String, byte[]> consumer;
  private final ArticleLog articleLog;
  private final ArticleVersions versions = new ArticleVersions();
  private Producer<String, byte[]> producer;

  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch closeRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong aborted = new AtomicLong();
  /** Raw partitions held now; an immutable copy, replaced on the processor thread, read from any thread. */
  private volatile Set<Integer> assignedPartitions = Set.of();

  /**
   * A processor in consumer group {@code groupId}; {@code transactionalId} must be unique per running instance
   * and stable across its restarts: a second instance with the same id fences the first, and a restarted one
   * takes its partitions back at once (the id is also the consumer's static group instance id). No routes;
   * quotes are published to {@link Topics#quotes()}, which is part of the contract.
   */
  public ArticleProcessor(String bootstrapServers, Topics topics, String groupId, String transactionalId,
      Function<RawDocument, Outcome<Article>> normalize, ProcessorListener listener) {
    this(bootstrapServers, topics, groupId, transactionalId, normalize, listener, List.of(), true);
  }

  /**
   * As {@link #ArticleProcessor(String, Topics, String, String, Function, ProcessorListener)}, with a copy of
   * each published article on the routed topic of every rule in {@code routes} it matches, and one record per
   * quote on {@link Topics#quotes()} when {@code publishQuotes}.
   *
   * @throws IllegalArgumentException when a route leads to one of the fixed topics of {@link Topics#all()}
   */
  public ArticleProcessor(String bootstrapServers, Topics topics, String groupId, String transactionalId,
      Function<RawDocument, Outcome<Article>> normalize, ProcessorListener listener, List<RouteRule> routes,
      boolean publishQuotes) {
    this(bootstrapServers, topics, groupId, transactionalId, normalize, listener, routes, publishQuotes,
        Clock.systemUTC());
  }

  ArticleProcessor(String bootstrapServers, Topics topics, String groupId, String transactionalId,
      Function<RawDocument, Outcome<Article>> normalize, ProcessorListener listener, List<RouteRule> routes,
      boolean publishQuotes, Clock clock) {
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.transactionalId = Objects.requireNonNull(transactionalId, "transactionalId");
    this.listener = listener == null ? ProcessorListener.noOp() : listener;
    this.handler = new RecordHandler(Objects.requireNonNull(normalize, "normalize"), clock, publishQuotes);
    this.outputs = new ArticleRecords(topics, requireRoutedTopicsOwn(topics, routes));
    // Checked when the processor starts (articles) or left as they always were (dead letters).
    existingTopics.add(topics.articles().name());
    existingTopics.add(topics.dlq().name());
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"),
        ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-raw",
        // Static membership: an instance killed and restarted under the same id gets its partitions back as soon
        // as it rejoins, instead of waiting out the dead member's session timeout (45 s) in a stalled rebalance.
        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, transactionalId,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS),
        new StringDeserializer(), new ByteArrayDeserializer());
    this.articleLog = new ArticleLog(bootstrapServers, topics.articles().name(), transactionalId + "-articles");
  }

  /** A route onto a fixed topic would write an article twice to articles, or articles onto another contract. */
  private static List<RouteRule> requireRoutedTopicsOwn(Topics topics, List<RouteRule> routes) {
    Objects.requireNonNull(routes, "routes");
    Set<String> fixed = new HashSet<>();
    topics.all().forEach(t -> fixed.add(t.name()));
    for (RouteRule rule : routes) {
      String name = topics.routed(Objects.requireNonNull(rule, "route").topic()).name();
      if (fixed.contains(name)) {
        throw new IllegalArgumentException("Invalid route " + rule + ": " + name + " is one of wirefeed's own"
            + " topics, not a routed one");
      }
    }
    return routes;
  }

  /**
   * Processes raw documents until {@link #close()}; returns normally then.
   *
   * @throws IllegalStateException when called twice, or when another instance with the same transactional id
   *     took over (this one is a zombie and must stop)
   */
  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("ArticleProcessor " + transactionalId + " already ran or was closed");
    }
    try {
      if (!startUp()) {
        return;
      }
      consumer.subscribe(List.of(topics.raw().name()), new CatchUpOnAssignment());
      while (!closing()) {
        ConsumerRecords<String, byte[]> records;
        try {
          records = consumer.poll(POLL);
        } catch (WakeupException | InterruptException e) {
          // close() or an interrupt: the loop condition ends it (InterruptException keeps the interrupt flag).
          continue;
        } catch (FencedInstanceIdException e) {
          throw new IllegalStateException("normalize " + transactionalId + " cannot go on: another instance joined"
              + " the group with the same id: " + e.getMessage(), e);
        }
        if (!records.isEmpty()) {
          processBatch(records);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("normalize loop {} stopped: {}", transactionalId, e.toString(), e);
      throw e;
    } finally {
      closeClients();
      finished.countDown();
    }
  }

  /** Initializes transactions and reads the articles topic; false when close() came first. */
  private boolean startUp() {
    while (!closing()) {
      try {
        if (producer == null) {
          producer = newProducer();
        }
        articleLog.catchUp(versions, CATCH_UP_TIMEOUT);
        return true;
      } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
        LOG.warn("normalize {} not ready yet, retrying: {}", transactionalId, e.getMessage());
        pause();
      }
    }
    return false;
  }

  private Producer<String, byte[]> newProducer() {
    Map<String, Object> conf = new HashMap<>(RawPublisher.reliableProducerConfig(bootstrapServers));
    conf.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    conf.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId + "-tx");
    Producer<String, byte[]> p = new KafkaProducer<>(conf, new StringSerializer(), new ByteArraySerializer());
    try {
      // Fences any earlier producer with this id and completes or aborts its open transaction.
      p.initTransactions();
      return p;
    } catch (RuntimeException e) {
      p.close(Duration.ZERO);
      throw e;
    }
  }

  private void processBatch(ConsumerRecords<String, byte[]> records) {
    Map<String, ArticleVersions.Known> staged = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    List<Step> steps = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> r : records) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      firstOffsets.putIfAbsent(tp, r.offset());
      offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
      Step step = handler.handle(r, id -> staged.containsKey(id) ? staged.get(id) : versions.get(id));
      if (step instanceof Step.Publish p) {
        staged.put(p.article().id(), new ArticleVersions.Known(p.contentHash(), p.article().version()));
      }
      steps.add(step);
    }
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    steps.forEach(step -> out.addAll(outputs.of(step)));
    try {
      producer.beginTransaction();
      requireTopicsExist(out);
      for (ProducerRecord<String, byte[]> record : out) {
        producer.send(record);
      }
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException | FencedInstanceIdException | AuthorizationException e) {
      throw new IllegalStateException("normalize " + transactionalId + " cannot go on: " + e.getMessage(), e);
    } catch (WakeupException e) {
      // close() woke the topic lookup up: nothing was sent, so the open transaction is empty; the next run redoes
      // the batch from the committed offsets.
      abortQuietly();
      return;
    } catch (KafkaException e) {
      aborted.incrementAndGet();
      LOG.warn("normalize transaction of {} records failed, aborting and retrying: {}", steps.size(),
          e.toString());
      recover(firstOffsets);
      return;
    }
    staged.forEach(versions::put);
    afterCommit(steps);
  }

  /**
   * Fails the transaction when it would write to a topic that does not exist. Sent anyway, such a record would
   * block the producer for {@code max.block.ms} (60 s) waiting for metadata and could outlive the transaction
   * timeout; looked up first, the batch is aborted at once and retried after the backoff, so creating the topic
   * (the application's job, see the class comment) is all it takes to go on.
   */
  private void requireTopicsExist(List<ProducerRecord<String, byte[]>> out) {
    for (ProducerRecord<String, byte[]> record : out) {
      String topic = record.topic();
      if (existingTopics.contains(topic)) {
        continue;
      }
      // The consumer, not the producer: its lookup answers "no such topic" at once instead of waiting for it.
      if (consumer.partitionsFor(topic, METADATA_TIMEOUT).isEmpty()) {
        throw new UnknownTopicOrPartitionException("Topic " + topic + " does not exist; create it with"
            + " TopicAdmin.ensureTopics (Topics.routed for a route) and this batch will be retried");
      }
      existingTopics.add(topic);
    }
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      LOG.debug("abort on close failed: {}", e.toString());
    }
  }

  /**
   * After a failed transaction: abort it (or replace a producer too broken to abort), rewind to the committed
   * positions, and re-read the articles topic, so the retried batch neither skips nor repeats a record.
   */
  private void recover(Map<TopicPartition, Long> firstOffsets) {
    while (!closing()) {
      try {
        abortOrReplaceProducer();
        Set<TopicPartition> rewind = new HashSet<>(firstOffsets.keySet());
        rewind.retainAll(consumer.assignment());
        // Committed, not the batch start: if a commit timed out but went through, its offsets now show it.
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(rewind, CATCH_UP_TIMEOUT);
        for (TopicPartition tp : rewind) {
          OffsetAndMetadata c = committed.get(tp);
          consumer.seek(tp, c == null ? firstOffsets.get(tp) : c.offset());
        }
        articleLog.catchUp(versions, CATCH_UP_TIMEOUT);
        pause();
        return;
      } catch (ProducerFencedException | FencedInstanceIdException | AuthorizationException e) {
        throw new IllegalStateException("normalize " + transactionalId + " cannot go on: " + e.getMessage(), e);
      } catch (WakeupException e) {
        return;
      } catch (KafkaException | TimeoutException e) {
        LOG.warn("normalize {} recovery failed, retrying: {}", transactionalId, e.toString());
        pause();
      }
    }
  }

  private void abortOrReplaceProducer() {
    if (producer != null) {
      try {
        producer.abortTransaction();
        return;
      } catch (ProducerFencedException e) {
        throw e;
      } catch (KafkaException e) {
        // A fatal producer state (or a commit that timed out) cannot be aborted: start over with a new producer,
        // whose initTransactions settles the open transaction on the coordinator.
        producer.close(Duration.ZERO);
        producer = null;
      }
    }
    producer = newProducer();
  }

  private void afterCommit(List<Step> steps) {
    processed.addAndGet(steps.size());
    for (Step step : steps) {
      try {
        if (step instanceof Step.Publish p) {
          published.incrementAndGet();
          listener.published(p.article());
        } else if (step instanceof Step.Unchanged u) {
          unchanged.incrementAndGet();
          listener.unchanged(u.article());
        } else if (step instanceof Step.DeadLettered d) {
          deadLettered.incrementAndGet();
          LOG.info("dead-lettered {} at {}: {}", d.letter().documentId(), d.letter().stage(), d.letter().reason());
          listener.deadLettered(d.letter());
        }
      } catch (RuntimeException e) {
        LOG.warn("processor listener failed: {}", e.toString(), e);
      }
    }
  }

  /** Waits the retry backoff, cut short by close(). */
  private void pause() {
    try {
      closeRequested.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeRequested.countDown();
    }
  }

  private boolean closing() {
    return closeRequested.getCount() == 0 || Thread.currentThread().isInterrupted();
  }

  /** Raw records handled and committed (published, unchanged and dead-lettered together). */
  public long processed() {
    return processed.get();
  }

  /** Article versions published. */
  public long published() {
    return published.get();
  }

  /** Documents whose article matched its latest published version. */
  public long unchanged() {
    return unchanged.get();
  }

  /** Records sent to the dead-letter topic. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Transactions that failed and were aborted (their batch is retried from the committed positions). */
  public long aborted() {
    return aborted.get();
  }

  /** The raw-topic partitions this instance processes now; empty before the group assigned any and after close. */
  public Set<Integer> assignedPartitions() {
    return assignedPartitions;
  }

  /** Whether the group gave this instance at least one raw partition (what a readiness check asks). */
  public boolean assigned() {
    return !assignedPartitions.isEmpty();
  }

  /**
   * Stops the loop after the batch in flight is committed, then releases the clients; waits up to 30 s for
   * {@link #run()} to finish. Safe to call from any thread, more than once, and before {@code run()}.
   */
  @Override
  public void close() {
    closeRequested.countDown();
    if (started.compareAndSet(false, true)) {
      // run() never started: nobody else will close the clients.
      closeClients();
      finished.countDown();
      return;
    }
    consumer.wakeup();
    try {
      if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("normalize {} did not stop within {}", transactionalId, CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeClients() {
    assignedPartitions = Set.of();
    // A static member stays in the group after a plain close, its partitions idle until its session times out;
    // a stopping instance hands them over at once. (A killed one cannot: its restart reclaims them.)
    closeQuietly(() -> consumer.close(CloseOptions.groupMembershipOperation(
        CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(5))));
    closeQuietly(articleLog::close);
    if (producer != null) {
      closeQuietly(() -> producer.close(Duration.ofSeconds(5)));
    }
  }

  private static void closeQuietly(Runnable close) {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.warn("closing a Kafka client failed: {}", e.toString());
    }
  }

  /** New partitions may hold articles another instance published: re-read the articles topic before using them. */
  private final class CatchUpOnAssignment implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      try {
        articleLog.catchUp(versions, CATCH_UP_TIMEOUT);
      } catch (TimeoutException | KafkaException e) {
        // A stale map can only re-publish an unchanged article as a new version; it never loses one.
        LOG.warn("normalize {} could not re-read articles on assignment: {}", transactionalId, e.toString());
      }
      Set<Integer> now = new HashSet<>(assignedPartitions);
      partitions.forEach(tp -> now.add(tp.partition()));
      assignedPartitions = Set.copyOf(now);
      LOG.info("normalize {} assigned {}; now holds {}", transactionalId, partitions, assignedPartitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Nothing to commit: each batch's transaction commits before the next poll, and rebalances run inside poll.
      release(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions);
    }

    private void release(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<Integer> now = new HashSet<>(assignedPartitions);
      partitions.forEach(tp -> now.remove(tp.partition()));
      assignedPartitions = Set.copyOf(now);
      LOG.info("normalize {} released {}; now holds {}", transactionalId, partitions, assignedPartitions);
    }
  }
}
