package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The next poll as the app sees it: {@link PollReport#nextPoll()} and {@link FeedPoller#nextDelay}. */
class FeedPollerScheduleTest {
  private static final Duration INTERVAL = Duration.ofMinutes(20);
  private final MutableClock clock = new MutableClock(NOW);
  private TestServer server;
  private RecordingSink sink;
  private FeedPoller poller;
  private InMemoryFeedStateStore store;
  /** The feed document served, with ETag "v" + its hash; a matching If-None-Match gets a 304. */
  private final AtomicReference<byte[]> feedBody = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    server = new TestServer();
    sink = new RecordingSink();
    store = new InMemoryFeedStateStore();
    poller = newPoller();
    server.route("/feed.xml", ex -> {
      byte[] body = feedBody.get();
      if (body == null) {
        TestServer.send(ex, 500, "text/plain", "down".getBytes());
        return;
      }
      String etag = "\"v" + java.util.Arrays.hashCode(body) + "\"";
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("ETag", etag);
      TestServer.send(ex, 200, RSS, body);
    });
    byte[] article = Fixtures.bytes("pages/xinhua-article.html");
    for (String c : new String[] {"c1", "c2", "c3", "c4"}) {
      server.serve("/english/20240501/" + c + ".htm", HTML, article);
    }
    server.serve("/world/middle-east/ceasefire-talks-resume-cairo-2024-05-01/", HTML, article);
    server.serve("/news/2024/05/quake-ishikawa.html", HTML, article);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Another instance (a restart, or the one a rebalance moves the feed to) sharing the saved state. */
  private FeedPoller newPoller() {
    return TestRetriers.poller(store, clock);
  }

  private FeedSpec feed() {
    return new FeedSpec("wire", server.uri("/feed.xml"), FeedKind.FEED, null, "en", INTERVAL, null, null, true);
  }

  private void serve(String fixture) {
    feedBody.set(Fixtures.withBase(fixture, server.base()));
  }

  @Test
  void aChangingFeedIsPolledSoonerAndAQuietOneLater() {
    serve("feeds/xinhua-world-rss20.xml");

    PollReport changed = poller.poll(feed(), sink);
    PollReport notModified = poller.poll(feed(), sink);
    PollReport stillNotModified = poller.poll(feed(), sink);

    assertThat(changed.newItems()).isEqualTo(3);
    assertThat(changed.nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(poller.nextDelay(feed(), changed)).isEqualTo(Duration.ofMinutes(10));
    assertThat(notModified.httpStatus()).isEqualTo(304);
    assertThat(poller.nextDelay(feed(), notModified)).isEqualTo(Duration.ofMinutes(15));
    assertThat(poller.nextDelay(feed(), stillNotModified)).isEqualTo(Duration.ofSeconds(1350));
  }

  @Test
  void anRssTtlIsALowerBoundThatOutlastsA304() {
    serve("feeds/reuters-world-ttl-rss20.xml");

    PollReport first = poller.poll(feed(), sink);
    PollReport notModified = poller.poll(feed(), sink);

    assertThat(first.newItems()).isEqualTo(1);
    assertThat(poller.nextDelay(feed(), first)).isEqualTo(Duration.ofMinutes(60));
    assertThat(notModified.httpStatus()).isEqualTo(304);
    assertThat(poller.nextDelay(feed(), notModified)).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void theSyndicationModuleUpdatePeriodIsALowerBound() {
    serve("feeds/kyodo-rdf-sy-hourly.xml");
    FeedSpec everyFiveMinutes = new FeedSpec("kyodo", server.uri("/feed.xml"), FeedKind.FEED, "Kyodo", "en",
        Duration.ofMinutes(5), null, null, true);

    PollReport report = poller.poll(everyFiveMinutes, sink);

    assertThat(report.newItems()).isEqualTo(1);
    assertThat(poller.nextDelay(everyFiveMinutes, report)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void itemsLeftByThePerPollCapAreFetchedAtTheShortestDelay() {
    serve("feeds/xinhua-world-rss20.xml");
    FeedPoller capped = TestRetriers.poller(FeedPollerTest.testLimits(1), new InMemoryFeedStateStore(), clock,
        TestRetriers.recording(clock, new ArrayList<>()));

    PollReport report = capped.poll(feed(), sink);

    assertThat(report.newItems()).isEqualTo(1);
    assertThat(capped.nextDelay(feed(), report)).isEqualTo(INTERVAL.dividedBy(4));
  }

  @Test
  void aFailingFeedIsPolledLessOften() {
    PollReport first = poller.poll(feed(), sink);
    PollReport second = poller.poll(feed(), sink);

    assertThat(first.httpStatus()).isEqualTo(500);
    assertThat(poller.nextDelay(feed(), first)).isEqualTo(Duration.ofMinutes(30));
    assertThat(poller.nextDelay(feed(), second)).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void theDelayCountsFromNowAndNeverGoesNegative() {
    serve("feeds/xinhua-world-rss20.xml");
    PollReport report = poller.poll(feed(), sink);

    clock.advance(Duration.ofMinutes(4));
    assertThat(poller.nextDelay(feed(), report)).isEqualTo(Duration.ofMinutes(6));
    clock.advance(Duration.ofHours(1));
    assertThat(poller.nextDelay(feed(), report)).isZero();
  }

  @Test
  void withoutAUsableReportTheConfiguredIntervalIsUsed() {
    PollReport old = new PollReport("wire", NOW, 200, 1, 0, 0, 10, null);
    PollReport anotherFeeds = new PollReport("other", NOW, 200, 1, 0, 0, 10, null, NOW.plusSeconds(5));

    assertThat(poller.nextDelay(feed(), null)).isEqualTo(INTERVAL);
    assertThat(poller.nextDelay(feed(), old)).isEqualTo(INTERVAL);
    assertThat(poller.nextDelay(feed(), anotherFeeds)).isEqualTo(INTERVAL);
    assertThat(old.nextPoll()).isNull();
  }

  @Test
  void theAdaptedDelayIsSavedWithTheStateAndTakenUpByTheNextInstance() {
    serve("feeds/xinhua-world-rss20.xml");
    poller.poll(feed(), sink);
    PollReport quiet = poller.poll(feed(), sink);
    assertThat(poller.nextDelay(feed(), quiet)).isEqualTo(Duration.ofMinutes(15));
    assertThat(store.load("wire").orElseThrow().pollDelay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(store.load("wire").orElseThrow().nextPoll()).isEqualTo(quiet.nextPoll());

    clock.advance(Duration.ofMinutes(15));
    FeedPoller restarted = newPoller();
    PollReport afterRestart = restarted.poll(feed(), sink);

    // Grown by half from the saved 15 minutes, not from the configured 20 as a fresh schedule would.
    assertThat(afterRestart.httpStatus()).isEqualTo(304);
    assertThat(restarted.nextDelay(feed(), afterRestart)).isEqualTo(Duration.ofSeconds(1350));
  }

  @Test
  void aPublisherHintSurvivesARestartWhileTheFeedAnswers304() {
    serve("feeds/reuters-world-ttl-rss20.xml");
    poller.poll(feed(), sink);

    FeedPoller restarted = newPoller();
    PollReport notModified = restarted.poll(feed(), sink);

    // The 304 carries no <ttl>: only the saved hint keeps the 60-minute lower bound.
    assertThat(notModified.httpStatus()).isEqualTo(304);
    assertThat(restarted.nextDelay(feed(), notModified)).isEqualTo(Duration.ofMinutes(60));
    assertThat(store.load("wire").orElseThrow().updateHint()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void aNewInstanceWaitsUntilTheSavedNextPollBeforeItsFirstPoll() {
    serve("feeds/xinhua-world-rss20.xml");
    FeedPoller restarted = newPoller();
    assertThat(restarted.firstDelay(feed())).as("never polled: at once").isZero();

    poller.poll(feed(), sink);
    clock.advance(Duration.ofMinutes(4));

    assertThat(restarted.firstDelay(feed())).isEqualTo(Duration.ofMinutes(6));
    clock.advance(Duration.ofMinutes(10));
    assertThat(restarted.firstDelay(feed())).as("overdue: at once").isZero();
  }

  @Test
  void aSavedNextPollBeyondWhatTheIntervalAllowsIsCappedSoAShorterIntervalTakesEffect() {
    // Saved under a 4-hour interval; the configuration now says 20 minutes: wait at most 8 x 20 minutes.
    store.save(new FeedState("wire", null, null, java.util.List.of(), NOW, NOW.plus(Duration.ofHours(20)),
        Duration.ofHours(8), null));
    assertThat(poller.firstDelay(feed())).isEqualTo(Duration.ofMinutes(160));

    // A publisher that asked for 6-hourly polls is still believed.
    store.save(new FeedState("wire", null, null, java.util.List.of(), NOW, NOW.plus(Duration.ofHours(20)),
        Duration.ofHours(8), Duration.ofHours(6)));
    assertThat(poller.firstDelay(feed())).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void aRetryAfterIsHonouredByTheInstanceThatPollsNext() {
    server.route("/busy.xml", ex -> {
      ex.getResponseHeaders().set("Retry-After", "5400");
      TestServer.send(ex, 503, "text/plain", "busy".getBytes());
    });
    FeedSpec busy = new FeedSpec("busy", server.uri("/busy.xml"), FeedKind.FEED, null, "en", INTERVAL, null, null,
        true);

    poller.poll(busy, sink);
    clock.advance(Duration.ofMinutes(30));

    assertThat(newPoller().firstDelay(busy)).isEqualTo(Duration.ofMinutes(60));
  }
}
