package io.wirefeed.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates wirefeed's topics explicitly (auto-creation stays off) and returns only once they are usable.
 */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
  private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private TopicAdmin() {}

  /**
   * Creates the topics that do not exist yet, then waits until every partition of every topic answers a
   * list-offsets request. Topics that already exist are left as they are, so calling it again is harmless.
   *
   * <p>The wait matters: an idempotent producer that sends right after {@code createTopics} returns can lose
   * records silently while partition leadership settles (KAFKA-15591); a partition that answers list-offsets
   * has a leader that serves it.
   *
   * @throws IllegalStateException when the topics cannot be created or are not ready within {@code timeout}
   */
  public static void ensureTopics(String bootstrapServers, List<TopicSpec> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> conf = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeout.toMillis()),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, Math.min(timeout.toMillis(), 10_000)));
    try (Admin admin = Admin.create(conf)) {
      createMissing(admin, topics, deadline);
      awaitListOffsets(admin, topics, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics on " + bootstrapServers, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create topics on " + bootstrapServers + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  private static void createMissing(Admin admin, List<TopicSpec> topics, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (TopicSpec spec : topics) {
      if (!existing.contains(spec.name())) {
        // Replication factor: the broker's default, so one definition serves one broker and a cluster alike.
        missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
            .configs(spec.configs()));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    var results = admin.createTopics(missing).values();
    for (var entry : results.entrySet()) {
      try {
        entry.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        LOG.info("created topic {}", entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        // Another instance created it between our list and create: that is the outcome we wanted.
      }
    }
  }

  private static void awaitListOffsets(Admin admin, List<TopicSpec> topics, long deadline)
      throws InterruptedException, TimeoutException {
    List<String> names = topics.stream().map(TopicSpec::name).toList();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
            .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(
            p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        admin.listOffsets(request, new ListOffsetsOptions().timeoutMs((int) remainingMillis(deadline)))
            .all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        // Not ready yet (unknown partition, no leader): ask again until the deadline.
        last = e;
        LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }
    throw new TimeoutException("Topics " + names + " not ready"
        + (last == null ? "" : ": " + (last.getCause() == null ? last : last.getCause()).getMessage()));
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }
}
