package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole report, every field, on each path: 304, server errors after retries, a page robots.txt
 * forbids, a timeout. The feed's interval is 5 minutes, so the next poll is 2.5 min after a change and
 * 7.5 min after a first poll that failed.
 */
class PollReportMetricsTest {
  private static final String ID = "xinhua-world";
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private TestServer server;
  private RecordingSink sink;
  private FeedPoller poller;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    sink = new RecordingSink();
    poller = TestRetriers.poller(new InMemoryFeedStateStore(), clock);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private FeedSpec feed(String path) {
    return FeedPollerTest.loopbackFeed(server, path);
  }

  @Test
  void aNotModifiedPollCountsNothingButItsStatus() {
    byte[] rss = Fixtures.withBase("feeds/xinhua-world-rss20.xml", server.base());
    server.route("/feed.xml", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      TestServer.send(ex, 200, RSS, rss);
    });
    byte[] article = Fixtures.bytes("pages/xinhua-article.html");
    for (String c : new String[] {"c1", "c2", "c3"}) {
      server.serve("/english/20240501/" + c + ".htm", HTML, article);
    }
    PollReport first = poller.poll(feed("/feed.xml"), sink);

    PollReport second = poller.poll(feed("/feed.xml"), sink);

    assertThat(first).isEqualTo(new PollReport(ID, NOW, 200, 3, 0, 0,
        rss.length + "not found".length() + 3L * article.length, null, NOW.plusSeconds(150)));
    assertThat(second).isEqualTo(new PollReport(ID, NOW, 304, 0, 0, 0, 0, null, NOW.plusSeconds(225)));
  }

  @Test
  void serverErrorsAfterEveryRetryReportTheLastStatusAndAllBytes() {
    server.route("/feed.xml", ex -> TestServer.send(ex, 503, "text/html", "<h1>Busy</h1>".getBytes()));

    PollReport report = poller.poll(feed("/feed.xml"), sink);

    assertThat(report).isEqualTo(new PollReport(ID, NOW, 503, 0, 0, 0, 3L * "<h1>Busy</h1>".length(),
        "HTTP 503 from " + server.base() + "/feed.xml (after 3 attempts)", NOW.plusSeconds(450)));
  }

  @Test
  void aPageRobotsTxtForbidsCountsAsFailedAndItsBytesAreNotDownloaded() {
    byte[] robots = "User-agent: wirefeed\nDisallow: /paywall/\n".getBytes(StandardCharsets.UTF_8);
    byte[] article = Fixtures.bytes("pages/xinhua-article.html");
    byte[] rss = ("<rss version=\"2.0\"><channel><title>Wire</title>"
        + "<item><title>Free</title><link>" + server.base() + "/free/1.html</link></item>"
        + "<item><title>Paid</title><link>" + server.base() + "/paywall/2.html</link></item>"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    server.serve("/feed.xml", RSS, rss);
    server.serve("/robots.txt", "text/plain", robots);
    server.serve("/free/1.html", HTML, article);
    server.serve("/paywall/2.html", HTML, article);

    PollReport report = poller.poll(feed("/feed.xml"), sink);

    assertThat(report).isEqualTo(new PollReport(ID, NOW, 200, 1, 0, 1,
        (long) rss.length + robots.length + article.length, null, NOW.plusSeconds(150)));
  }

  @Test
  void aTimedOutFeedHasNoStatusNoBytesAndSaysWhy() {
    server.route("/hang.xml", ex -> server.release.await(10, TimeUnit.SECONDS));
    IngestLimits impatient = new IngestLimits(Duration.ofMillis(300), Duration.ofMillis(300), 64 * 1024, 32 * 1024,
        3, "wirefeed-test/1.0", 50);
    FeedPoller poller = TestRetriers.poller(impatient, new InMemoryFeedStateStore(), clock,
        TestRetriers.recording(clock, new ArrayList<>()));

    PollReport report = poller.poll(feed("/hang.xml"), sink);

    assertThat(report).isEqualTo(new PollReport(ID, NOW, 0, 0, 0, 0, 0,
        "timed out waiting for the response: " + server.base() + "/hang.xml (after 3 attempts)",
        NOW.plusSeconds(450)));
  }
}
