package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.DeadLetter;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries with backoff against a loopback server that fails on purpose; the waits are recorded, not slept. */
class FeedPollerRetryTest {
  private static final byte[] BUSY = "busy".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND = "not found".getBytes(StandardCharsets.UTF_8);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<Duration> waits = new ArrayList<>();
  private TestServer server;
  private RecordingSink sink;
  private FeedPoller poller;
  private byte[] feed;
  private byte[] article;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    sink = new RecordingSink();
    poller = TestRetriers.poller(FeedPollerTest.testLimits(50), new InMemoryFeedStateStore(), clock,
        TestRetriers.recording(clock, waits));
    feed = Fixtures.withBase("feeds/xinhua-world-rss20.xml", server.base());
    article = Fixtures.bytes("pages/xinhua-article.html");
    for (String c : List.of("c1", "c2", "c3")) {
      server.serve("/english/20240501/" + c + ".htm", HTML, article);
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private FeedSpec feedAt(String path) {
    return FeedPollerTest.loopbackFeed(server, path);
  }

  /** Answers {@code failures} times with {@code status} (and the given Retry-After), then with the feed. */
  private void failThenServe(int failures, int status, String retryAfter) {
    AtomicInteger calls = new AtomicInteger();
    server.route("/feed.xml", ex -> {
      if (calls.incrementAndGet() <= failures) {
        if (retryAfter != null) {
          ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        TestServer.send(ex, status, "text/plain", BUSY);
      } else {
        TestServer.send(ex, 200, RSS, feed);
      }
    });
  }

  /** Short timeouts, so that three timed-out attempts take about a second. */
  private FeedPoller impatientPoller() {
    IngestLimits limits = new IngestLimits(Duration.ofMillis(300), Duration.ofMillis(300), 64 * 1024, 32 * 1024, 3,
        "wirefeed-test/1.0", 50);
    return TestRetriers.poller(limits, new InMemoryFeedStateStore(), clock, TestRetriers.recording(clock, waits));
  }

  @Test
  void aFeedFailingTwiceWithServerErrorsIsFetchedOnTheThirdAttempt() {
    failThenServe(2, 503, null);

    PollReport report = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(report.error()).isNull();
    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(report.newItems()).isEqualTo(3);
    assertThat(server.hits("/feed.xml")).isEqualTo(3);
    assertThat(waits).as("exponential backoff").containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(report.bytes()).as("failed attempts count too")
        .isEqualTo(2L * BUSY.length + feed.length + NOT_FOUND.length + 3L * article.length);
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void aRetryAfterInSecondsFromA429IsWaitedBeforeTheNextAttempt() {
    failThenServe(1, 429, "3");

    PollReport report = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(report.error()).isNull();
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterAsAnHttpDateIsWaitedBeforeTheNextAttempt() {
    failThenServe(1, 503, "Wed, 01 May 2024 12:00:04 GMT");

    PollReport report = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aRetryAfterBeyondTheBudgetFailsThePollAtOnceAndPushesTheNextPoll() {
    failThenServe(5, 503, "7200");
    FeedSpec spec = feedAt("/feed.xml");

    PollReport report = poller.poll(spec, sink);

    assertThat(server.hits("/feed.xml")).isEqualTo(1);
    assertThat(waits).isEmpty();
    assertThat(report.httpStatus()).isEqualTo(503);
    assertThat(report.error()).startsWith("HTTP 503 from ").doesNotContain("attempts");
    assertThat(report.nextPoll()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(poller.nextDelay(spec, report)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void persistentServerErrorsUseEveryAttemptAndAreReported() {
    failThenServe(99, 500, null);

    PollReport report = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(server.hits("/feed.xml")).isEqualTo(3);
    assertThat(report.httpStatus()).isEqualTo(500);
    assertThat(report.error()).isEqualTo("HTTP 500 from " + server.base() + "/feed.xml (after 3 attempts)");
    assertThat(report.bytes()).isEqualTo(3L * BUSY.length);
    assertThat(sink.rejected).singleElement().extracting(DeadLetter::documentId).isEqualTo("feed:xinhua-world");
  }

  @Test
  void clientErrorsAreNotRetriedButARequestTimeoutIs() {
    server.route("/gone.xml", ex -> TestServer.send(ex, 410, "text/plain", BUSY));
    server.route("/forbidden.xml", ex -> TestServer.send(ex, 403, "text/plain", BUSY));
    failThenServe(1, 408, null);

    PollReport gone = poller.poll(feedAt("/gone.xml"), sink);
    PollReport forbidden = poller.poll(feedAt("/forbidden.xml"), sink);
    PollReport recovered = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(gone.httpStatus()).isEqualTo(410);
    assertThat(forbidden.httpStatus()).isEqualTo(403);
    assertThat(server.hits("/gone.xml") + server.hits("/forbidden.xml")).isEqualTo(2);
    assertThat(recovered.error()).isNull();
    assertThat(server.hits("/feed.xml")).isEqualTo(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void aFeedWhoseHeadersNeverComeIsTriedThreeTimesThenReported() {
    server.route("/hang.xml", ex -> server.release.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();

    PollReport report = impatientPoller().poll(feedAt("/hang.xml"), sink);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(server.hits("/hang.xml")).isEqualTo(3);
    assertThat(report.error()).contains("timed out").endsWith("(after 3 attempts)");
    assertThat(report.httpStatus()).isZero();
    assertThat(report.bytes()).isZero();
  }

  @Test
  void aBodyThatStallsAfterTheHeadersKeepsItsStatusAndTheBytesReceived() {
    byte[] start = "<rss version=\"2.0\"><chan".getBytes(StandardCharsets.UTF_8);
    server.route("/stall.xml", ex -> {
      ex.getResponseHeaders().set("Content-Type", RSS);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write(start);
      out.flush();
      server.release.await(10, TimeUnit.SECONDS);
    });

    PollReport report = impatientPoller().poll(feedAt("/stall.xml"), sink);

    assertThat(report.error()).startsWith("timed out after 600 ms").endsWith("(after 3 attempts)");
    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(report.bytes()).isEqualTo(3L * start.length);
    assertThat(report.newItems()).isZero();
  }

  @Test
  void pagesAreRetriedBeforeTheyAreDeadLettered() {
    server.serve("/feed.xml", RSS, feed);
    server.route("/english/20240501/c1.htm", ex -> TestServer.send(ex, 502, "text/plain", BUSY));
    AtomicInteger c2 = new AtomicInteger();
    server.route("/english/20240501/c2.htm", ex -> {
      if (c2.incrementAndGet() == 1) {
        TestServer.send(ex, 500, "text/plain", BUSY);
      } else {
        TestServer.send(ex, 200, HTML, article);
      }
    });

    PollReport report = poller.poll(feedAt("/feed.xml"), sink);

    assertThat(report.newItems()).isEqualTo(2);
    assertThat(report.failedItems()).isEqualTo(1);
    assertThat(report.error()).isNull();
    assertThat(server.hits("/english/20240501/c1.htm")).isEqualTo(3);
    assertThat(sink.rejected).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).startsWith("HTTP 502 from " + server.base() + "/english/20240501/c1.htm")
          .endsWith("(after 3 attempts)");
      assertThat(letter.raw().status()).isEqualTo(502);
    });
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    FeedSpec nowhere = new FeedSpec("nowhere", URI.create("http://127.0.0.1:" + closedPort + "/feed.xml"),
        FeedKind.FEED, null, null, Duration.ofMinutes(5), null, null, true);

    PollReport report = poller.poll(nowhere, sink);

    assertThat(report.error()).contains("connection refused").endsWith("(after 3 attempts)");
    assertThat(waits).hasSize(2);
    assertThat(report.httpStatus()).isZero();
  }
}
