package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** robots.txt for article pages, against a loopback server; the clock is moved by hand for the cache. */
class FeedPollerRobotsTest {
  private final MutableClock clock = new MutableClock(NOW);
  private TestServer server;
  private InMemoryFeedStateStore store;
  private RecordingSink sink;
  private FeedPoller poller;
  private byte[] article;
  private final AtomicReference<byte[]> feedBody = new AtomicReference<>();
  private final AtomicReference<byte[]> robotsBody = new AtomicReference<>();
  private final AtomicInteger robotsStatus = new AtomicInteger(200);

  @BeforeEach
  void setUp() {
    server = new TestServer();
    store = new InMemoryFeedStateStore();
    sink = new RecordingSink();
    poller = TestRetriers.poller(store, clock);
    article = Fixtures.bytes("pages/xinhua-article.html");
    server.route("/feed.xml", ex -> TestServer.send(ex, 200, RSS, feedBody.get()));
    server.route("/robots.txt", ex -> TestServer.send(ex, robotsStatus.get(), "text/plain", robotsBody.get()));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void robots(String text) {
    robotsBody.set(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The feed lists one item per path (guid = path); each path serves the article. */
  private void feedListing(String... paths) {
    StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
    for (String path : paths) {
      rss.append("<item><title>Story ").append(path).append("</title><link>").append(server.base()).append(path)
          .append("</link><guid>").append(path).append("</guid></item>");
      server.serve(path, HTML, article);
    }
    feedBody.set(rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
  }

  private FeedSpec feed() {
    return FeedPollerTest.loopbackFeed(server, "/feed.xml");
  }

  @Test
  void aDisallowedPageIsDeadLetteredWithoutBeingFetchedAndCountsAsHandled() {
    robots("User-agent: *\nDisallow: /\n\nUser-agent: wirefeed\nDisallow: /subscribers/\n");
    feedListing("/world/open.html", "/subscribers/locked.html");

    PollReport first = poller.poll(feed(), sink);

    assertThat(first.error()).isNull();
    assertThat(first.newItems()).isEqualTo(1);
    assertThat(first.failedItems()).isEqualTo(1);
    assertThat(first.bytes()).isEqualTo(feedBody.get().length + robotsBody.get().length + article.length);
    assertThat(server.hits("/subscribers/locked.html")).isZero();
    assertThat(sink.rejected).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).isEqualTo("disallowed by robots.txt");
      assertThat(letter.stage()).isEqualTo("ingest");
      assertThat(letter.url()).isEqualTo(server.base() + "/subscribers/locked.html");
      assertThat(letter.raw()).isNull();
    });

    PollReport second = poller.poll(feed(), sink);

    assertThat(second.seenItems()).isEqualTo(2);
    assertThat(second.failedItems()).isZero();
    assertThat(sink.rejected).hasSize(1);
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void theGroupOfTheConfiguredUserAgentTokenComesBeforeTheWirefeedGroup() {
    // The test limits send "wirefeed-test/1.0": a site that addresses that deployment by name is obeyed.
    robots("User-agent: wirefeed\nDisallow: /world/\n\nUser-agent: wirefeed-test\nDisallow: /sport/\n");
    feedListing("/world/open.html", "/sport/closed.html");

    PollReport report = poller.poll(feed(), sink);

    assertThat(report.newItems()).isEqualTo(1);
    assertThat(server.hits("/world/open.html")).isEqualTo(1);
    assertThat(server.hits("/sport/closed.html")).isZero();
    assertThat(sink.rejected).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).isEqualTo("disallowed by robots.txt"));
  }

  @Test
  void theFeedItselfIsFetchedEvenWhenRobotsDisallowsEverything() {
    robots("User-agent: *\nDisallow: /\n");
    feedListing("/world/story.html");

    PollReport report = poller.poll(feed(), sink);

    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(server.hits("/feed.xml")).isEqualTo(1);
    assertThat(sink.rejected).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).isEqualTo("disallowed by robots.txt"));
    assertThat(sink.published).isEmpty();
  }

  @Test
  void robotsTxtIsFetchedOncePerHostAndAgainAfterADay() {
    robots("User-agent: *\nAllow: /\n");
    feedListing("/a.html", "/b.html");
    poller.poll(feed(), sink);
    feedListing("/a.html", "/b.html", "/c.html");
    poller.poll(feed(), sink);

    assertThat(server.hits("/robots.txt")).isEqualTo(1);

    clock.advance(Duration.ofHours(25));
    feedListing("/a.html", "/b.html", "/c.html", "/d.html");
    PollReport later = poller.poll(feed(), sink);

    assertThat(later.newItems()).isEqualTo(1);
    assertThat(server.hits("/robots.txt")).isEqualTo(2);
    assertThat(sink.published).hasSize(4);
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() {
    robotsStatus.set(404);
    robots("<html>not found</html>");
    feedListing("/anything/at/all.html");

    PollReport report = poller.poll(feed(), sink);

    assertThat(report.newItems()).isEqualTo(1);
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void anUnreadableRobotsTxtDefersTheItemsUntilItCanBeRead() {
    robotsStatus.set(503);
    robots("maintenance");
    feedListing("/world/story.html");

    PollReport first = poller.poll(feed(), sink);
    PollReport second = poller.poll(feed(), sink);

    assertThat(first.error()).contains("robots.txt unavailable (HTTP 503").contains("/world/story.html");
    assertThat(first.failedItems()).isEqualTo(1);
    assertThat(first.newItems()).isZero();
    assertThat(sink.rejected).as("not a verdict on the page: no dead letter").isEmpty();
    assertThat(server.hits("/world/story.html")).isZero();
    assertThat(second.failedItems()).as("still deferred, from the cached answer").isEqualTo(1);
    assertThat(server.hits("/robots.txt")).isEqualTo(1);

    robotsStatus.set(200);
    robots("User-agent: *\nDisallow: /private/\n");
    clock.advance(RobotsCache.UNAVAILABLE_TTL.plusSeconds(1));
    PollReport third = poller.poll(feed(), sink);

    assertThat(third.error()).isNull();
    assertThat(third.newItems()).isEqualTo(1);
    assertThat(server.hits("/robots.txt")).isEqualTo(2);
  }

  @Test
  void aCopyReadBeforeStillServesWhileTheServerFails() {
    robots("User-agent: *\nDisallow: /private/\n");
    feedListing("/public/one.html");
    poller.poll(feed(), sink);
    clock.advance(Duration.ofHours(25));
    robotsStatus.set(500);
    feedListing("/public/one.html", "/public/two.html", "/private/three.html");

    PollReport report = poller.poll(feed(), sink);

    assertThat(server.hits("/robots.txt")).isEqualTo(2);
    assertThat(report.newItems()).isEqualTo(1);
    assertThat(report.error()).isNull();
    assertThat(sink.rejected).singleElement()
        .satisfies(letter -> assertThat(letter.url()).endsWith("/private/three.html"));
  }

  @Test
  void aRedirectIntoADisallowedPathIsRefused() {
    robots("User-agent: wirefeed\nDisallow: /members/\n");
    feedListing("/go/story-1");
    server.route("/go/story-1", ex -> TestServer.redirect(ex, 302, "/members/story-1.html"));

    poller.poll(feed(), sink);

    assertThat(server.hits("/go/story-1")).isEqualTo(1);
    assertThat(server.hits("/members/story-1.html")).isZero();
    assertThat(sink.rejected).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).isEqualTo("disallowed by robots.txt"));
  }

  @Test
  void aCrawlDelaySpacesTheRequestsToThatHost() {
    robots("User-agent: wirefeed\nCrawl-delay: 0.25\n");
    feedListing("/p1.html", "/p2.html", "/p3.html");

    PollReport report = poller.poll(feed(), sink);

    assertThat(report.newItems()).isEqualTo(3);
    List<Long> pageTimes = server.requests.stream().filter(r -> r.path().startsWith("/p"))
        .map(TestServer.Seen::atNanos).toList();
    assertThat(pageTimes).hasSize(3);
    // The throttle spaces the sends by 250 ms; receipt times may differ from send times by a little.
    assertThat(Duration.ofNanos(pageTimes.get(1) - pageTimes.get(0))).isGreaterThan(Duration.ofMillis(200));
    assertThat(Duration.ofNanos(pageTimes.get(2) - pageTimes.get(1))).isGreaterThan(Duration.ofMillis(200));
  }
}
