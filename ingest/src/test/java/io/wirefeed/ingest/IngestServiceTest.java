package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling, politeness and prompt shutdown. */
class IngestServiceTest {
  private TestServer server;
  private RecordingSink sink;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    sink = new RecordingSink();
    String rss = "<rss version=\"2.0\"><channel><title>Wire</title>"
        + "<item><title>One</title><link>" + server.base() + "/a1</link></item>"
        + "<item><title>Two</title><link>" + server.base() + "/a2</link></item>"
        + "<item><title>Three</title><link>" + server.base() + "/a3</link></item>"
        + "</channel></rss>";
    server.serve("/feed.xml", RSS, rss.getBytes(StandardCharsets.UTF_8));
    for (String a : List.of("/a1", "/a2", "/a3")) {
      server.serve(a, HTML, Fixtures.bytes("pages/xinhua-article.html"));
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private FeedSpec feed(String id, String path, Duration interval) {
    return new FeedSpec(id, server.uri(path), FeedKind.FEED, "Xinhua", "en", interval, null, null, true);
  }

  private FeedPoller poller(Duration readTimeout, Duration hostDelay) {
    IngestLimits limits = new IngestLimits(Duration.ofMillis(500), readTimeout, 64 * 1024, 32 * 1024, 3,
        "wirefeed-test/1.0", 50);
    return new FeedPoller(limits, new InMemoryFeedStateStore(), Clock.systemUTC(), hostDelay);
  }

  @Test
  void pollsEachFeedOnItsIntervalUntilClosed() throws Exception {
    CountDownLatch threePolls = new CountDownLatch(3);
    List<PollReport> reports = new CopyOnWriteArrayList<>();
    IngestService service = new IngestService(poller(Duration.ofSeconds(1), Duration.ZERO),
        List.of(feed("wire", "/feed.xml", Duration.ofMillis(100))), sink, r -> {
          reports.add(r);
          threePolls.countDown();
        });

    service.start();
    boolean polled = threePolls.await(10, TimeUnit.SECONDS);
    service.close();

    assertThat(polled).isTrue();
    assertThat(service.isRunning()).isFalse();
    assertThat(reports.get(0).newItems()).isEqualTo(3);
    assertThat(reports.get(1).seenItems()).isEqualTo(3);
    assertThat(sink.published).hasSize(3);
  }

  @Test
  void aFeedWhoseSavedStateSaysItIsNotDueIsNotPolledAtStart() throws Exception {
    server.serve("/other.xml", RSS, "<rss version=\"2.0\"><channel><title>Other</title></channel></rss>"
        .getBytes(StandardCharsets.UTF_8));
    InMemoryFeedStateStore store = new InMemoryFeedStateStore();
    // Saved by the instance that polled the feed before this one started: due in an hour.
    store.save(new FeedState("wire", null, null, List.of(), java.time.Instant.now(),
        java.time.Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(40), null));
    IngestLimits limits = new IngestLimits(Duration.ofMillis(500), Duration.ofSeconds(1), 64 * 1024, 32 * 1024, 3,
        "wirefeed-test/1.0", 50);
    CountDownLatch otherPolled = new CountDownLatch(1);
    // "wire" comes first in the list, so without the saved state it would be polled first.
    IngestService service = new IngestService(new FeedPoller(limits, store, Clock.systemUTC(), Duration.ZERO),
        List.of(feed("wire", "/feed.xml", Duration.ofMinutes(20)), feed("other", "/other.xml", Duration.ofMinutes(20))),
        sink, r -> otherPolled.countDown());

    service.start();
    boolean polled = otherPolled.await(10, TimeUnit.SECONDS);
    service.close();

    assertThat(polled).isTrue();
    assertThat(server.hits("/other.xml")).isEqualTo(1);
    assertThat(server.hits("/feed.xml")).isZero();
  }

  @Test
  void eachFeedIsPolledAgainAfterItsOwnAdaptiveDelay() throws Exception {
    String withTtl = "<rss version=\"2.0\"><channel><title>Hourly</title><ttl>60</ttl>"
        + "<item><title>One</title><link>" + server.base() + "/a1</link></item></channel></rss>";
    server.serve("/hourly.xml", RSS, withTtl.getBytes(StandardCharsets.UTF_8));
    CountDownLatch fivePolls = new CountDownLatch(5);
    CountDownLatch hourlyPolled = new CountDownLatch(1);
    List<PollReport> reports = new CopyOnWriteArrayList<>();
    IngestService service = new IngestService(poller(Duration.ofSeconds(1), Duration.ZERO),
        List.of(feed("busy", "/feed.xml", Duration.ofMillis(100)),
            feed("hourly", "/hourly.xml", Duration.ofMillis(100))),
        sink, r -> {
          reports.add(r);
          (r.feedId().equals("busy") ? fivePolls : hourlyPolled).countDown();
        });

    service.start();
    boolean polled = hourlyPolled.await(10, TimeUnit.SECONDS) && fivePolls.await(10, TimeUnit.SECONDS);
    service.close();

    assertThat(polled).isTrue();
    assertThat(reports).filteredOn(r -> r.feedId().equals("hourly")).as("its ttl asks for an hour")
        .singleElement().satisfies(r -> assertThat(Duration.between(r.at(), r.nextPoll()))
            .isGreaterThanOrEqualTo(Duration.ofMinutes(60)));
  }

  @Test
  void closeInterruptsAPollStuckOnASlowServer() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    server.route("/stuck.xml", ex -> {
      requested.countDown();
      server.release.await(30, TimeUnit.SECONDS);
    });
    List<PollReport> reports = new CopyOnWriteArrayList<>();
    IngestService service = new IngestService(poller(Duration.ofSeconds(30), Duration.ZERO),
        List.of(feed("stuck", "/stuck.xml", Duration.ofMinutes(5))), sink, reports::add);
    service.start();
    assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    service.close();

    // Without the interrupt, close() would wait its full 10 s for the stuck poll.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo("interrupted"));
  }

  @Test
  void runForeverReturnsPromptlyWhenAskedToStop() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch firstReport = new CountDownLatch(1);
    FeedPoller poller = poller(Duration.ofSeconds(1), Duration.ZERO);
    Thread runner = new Thread(() -> poller.runForever(List.of(feed("wire", "/feed.xml", Duration.ofMinutes(5))), sink,
        r -> firstReport.countDown(), stop::get));
    runner.start();
    assertThat(firstReport.await(10, TimeUnit.SECONDS)).isTrue();

    stop.set(true);
    runner.join(5_000);

    assertThat(runner.isAlive()).isFalse();
    assertThat(sink.published).hasSize(3);
  }

  @Test
  void requestsToOneHostWaitForThePerHostDelay() {
    FeedPoller polite = poller(Duration.ofSeconds(1), Duration.ofMillis(150));
    long start = System.nanoTime();

    PollReport report = polite.poll(feed("wire", "/feed.xml", Duration.ofMinutes(5)), sink);

    assertThat(report.newItems()).isEqualTo(3);
    assertThat(server.requests).extracting(TestServer.Seen::path)
        .containsExactly("/feed.xml", "/robots.txt", "/a1", "/a2", "/a3");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("four waits between five requests")
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void refusesDuplicateFeedIds() {
    FeedSpec a = feed("same", "/feed.xml", Duration.ofMinutes(1));
    FeedPoller poller = poller(Duration.ofSeconds(1), Duration.ZERO);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IngestService(poller, List.of(a, a), sink, r -> { }))
        .hasMessageContaining("duplicate feed ids");
  }
}
