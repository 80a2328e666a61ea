package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.broker.EmbeddedKafka;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.RawDocument;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 2: the raw publisher (idempotent, acks=all) rides out a broker that goes away and comes back on
 * the same data directory and port. This class has a broker of its own because it stops it.
 */
class RawPublisherOutageTest {
  private static final int BEFORE = 1_000;
  private static final int AROUND_EACH_EDGE = 300;
  /**
   * The 30 s the issue names. What bounds an outage the publisher survives is its delivery timeout
   * ({@link RawPublisher#DELIVERY_TIMEOUT}, 3 min, also its longest block in send()), not the outage's length.
   */
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration SEND_PAUSE = Duration.ofMillis(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path brokerDir;

  private EmbeddedKafka kafka;
  private Thread sender;

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (sender != null) {
      sender.interrupt();
      sender.join(TIMEOUT.toMillis());
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void everyDocumentSentAcrossABrokerOutageIsOnTheTopicExactlyOnce() throws Exception {
    kafka = EmbeddedKafka.start(brokerDir);
    String bootstrap = kafka.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    Topics topics = Topics.withPrefix("outage.");
    TopicAdmin.ensureTopics(bootstrap, topics.all(), TIMEOUT);
    List<CompletableFuture<Void>> sent = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger handedOver = new AtomicInteger(BEFORE);
    AtomicReference<Throwable> senderFailure = new AtomicReference<>();
    long pendingAcrossOutage;

    try (RawPublisher publisher = new RawPublisher(bootstrap, topics, Map.of())) {
      for (int i = 0; i < BEFORE; i++) {
        sent.add(publisher.publish(rawDocument(i)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      // Ingest's side: documents handed over one after another, before, during and after the outage.
      sender = new Thread(() -> {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
          // Counted before the call: while the broker is away, publish() blocks waiting for it.
          int i = handedOver.getAndIncrement();
          sent.add(publisher.publish(rawDocument(i)));
          LockSupport.parkNanos(SEND_PAUSE.toNanos());
        }
      }, "ingest-sender");
      sender.setUncaughtExceptionHandler((t, e) -> senderFailure.set(e));
      sender.start();

      awaitSent(sent, BEFORE + AROUND_EACH_EDGE);
      // The broker shuts down under records in flight: some acknowledged, some not yet sent or answered.
      kafka.close();
      long outageEnds = System.nanoTime() + OUTAGE.toNanos();
      while (System.nanoTime() < outageEnds) {
        assertThat(sender.isAlive()).as("sender still sending during the outage").isTrue();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      // Unacknowledged records, plus a publish() blocked waiting for the broker: what must survive the outage.
      pendingAcrossOutage = sent.stream().filter(f -> !f.isDone()).count() + handedOver.get() - sent.size();
      assertThat(sent.stream().filter(CompletableFuture::isCompletedExceptionally).count())
          .as("sends failed during the outage").isZero();
      int sentBeforeRestart = handedOver.get();

      kafka = EmbeddedKafka.start(brokerDir, port);
      awaitSent(sent, sentBeforeRestart + AROUND_EACH_EDGE);
      stop.set(true);
      sender.join(TIMEOUT.toMillis());
      awaitAllDone(sent);
    }

    assertThat(senderFailure.get()).as("publish() never throws").isNull();
    assertThat(pendingAcrossOutage).as("documents waiting for the broker to come back").isPositive();
    Map<Boolean, List<Integer>> byOutcome = outcomes(sent);
    List<String> failures = sent.stream().filter(CompletableFuture::isCompletedExceptionally)
        .map(f -> String.valueOf(causeOf(f))).distinct().toList();
    assertThat(byOutcome.get(false)).as("failed sends; causes: " + failures).isEmpty();
    List<ConsumerRecord<String, String>> onTopic =
        TopicContents.read(kafka.bootstrapServers(), topics.raw().name(), sent.size(), TIMEOUT);
    Map<String, Long> copies = onTopic.stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("documents on the topic more than once").isEmpty();
    Set<String> missing = byOutcome.get(true).stream().map(i -> rawDocument(i).id())
        .collect(Collectors.toCollection(TreeSet::new));
    missing.removeAll(copies.keySet());
    assertThat(missing).as("acknowledged documents missing from the topic").isEmpty();
    assertThat(onTopic.size()).as("records on the raw topic").isEqualTo(sent.size());
  }

  /** publish() may now block for minutes while no broker answers: close() must still end it at once. */
  @Test
  void closeReleasesAPublishBlockedWaitingForAnAbsentBroker() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    RawPublisher publisher = new RawPublisher("127.0.0.1:" + port, Topics.withPrefix("absent."), Map.of());
    AtomicReference<CompletableFuture<Void>> result = new AtomicReference<>();
    Thread caller = new Thread(() -> result.set(publisher.publish(rawDocument(0))), "ingest-caller");
    caller.start();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (caller.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("publish() blocked waiting for the broker").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }

    publisher.close();

    caller.join(TimeUnit.SECONDS.toMillis(15));
    assertThat(caller.isAlive()).as("publish() still blocked after close()").isFalse();
    assertThat(result.get()).isCompletedExceptionally();
  }

  private static void awaitSent(List<CompletableFuture<Void>> sent, int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (sent.size() < count) {
      assertThat(System.nanoTime()).as("%d documents handed over within %s", count, TIMEOUT).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Waits for every future within the deadline; the producer's delivery timeout would fail them in 3 min. */
  private static void awaitAllDone(List<CompletableFuture<Void>> sent) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!sent.stream().allMatch(CompletableFuture::isDone)) {
      assertThat(System.nanoTime()).as("all %d sends settled within %s (%d pending)", sent.size(), TIMEOUT,
          sent.stream().filter(f -> !f.isDone()).count()).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Indexes of the acknowledged (true) and failed (false) sends. */
  private static Map<Boolean, List<Integer>> outcomes(List<CompletableFuture<Void>> sent) {
    return IntStream.range(0, sent.size()).boxed()
        .collect(Collectors.partitioningBy(i -> !sent.get(i).isCompletedExceptionally()));
  }

  private static Throwable causeOf(CompletableFuture<Void> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private static RawDocument rawDocument(int i) {
    String id = String.format(Locale.ROOT, "reuters-%05d", i);
    String url = "https://wire.example-agency.com/en/world/" + id;
    return new RawDocument(id, url, Instant.parse("2024-05-19T14:00:00Z").plusSeconds(i), 200,
        "text/plain; charset=utf-8",
        "NAIROBI, May 19 (Reuters) - Story number " + i + " moved on the wire.", "reuters-world",
        new FeedEntry(id, "Story " + i, url, null, null, List.of()), "Reuters", "en");
  }
}
