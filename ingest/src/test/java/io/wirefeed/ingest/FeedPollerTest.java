package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poll cycle against a real loopback server: publishing, seen state, conditional GET, sink failures. */
class FeedPollerTest {
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final String RSS = "application/rss+xml; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  private TestServer server;
  private InMemoryFeedStateStore store;
  private RecordingSink sink;
  private FeedPoller poller;

  static IngestLimits testLimits(int maxItems) {
    return new IngestLimits(Duration.ofMillis(500), Duration.ofMillis(700), 64 * 1024, 32 * 1024, 3,
        "wirefeed-test/1.0", maxItems);
  }

  static FeedSpec loopbackFeed(TestServer server, String path) {
    return new FeedSpec("xinhua-world", server.uri(path), FeedKind.FEED, "Xinhua", "en", Duration.ofMinutes(5),
        null, null, true);
  }

  @BeforeEach
  void setUp() {
    server = new TestServer();
    store = new InMemoryFeedStateStore();
    sink = new RecordingSink();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    poller = TestRetriers.poller(store, clock);
    byte[] article = Fixtures.bytes("pages/xinhua-article.html");
    for (String c : List.of("c1", "c2", "c3", "c4")) {
      server.serve("/english/20240501/" + c + ".htm", HTML, article);
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void serveFeed(String etag) {
    byte[] feed = Fixtures.withBase("feeds/xinhua-world-rss20.xml", server.base());
    server.route("/feed.xml", ex -> {
      if (etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      if (etag != null) {
        ex.getResponseHeaders().set("ETag", etag);
      }
      ex.getResponseHeaders().set("Last-Modified", "Wed, 01 May 2024 02:15:00 GMT");
      TestServer.send(ex, 200, RSS, feed);
    });
  }

  @Test
  void publishesEveryNewItemWithItsDecodedPageAndFeedContext() {
    serveFeed(null);

    PollReport report = poller.poll(loopbackFeed(server, "/feed.xml"), sink);

    assertThat(report.error()).isNull();
    assertThat(report.httpStatus()).isEqualTo(200);
    assertThat(report.newItems()).isEqualTo(3);
    assertThat(report.failedItems()).isZero();
    assertThat(report.bytes()).isGreaterThan(1000);
    assertThat(report.at()).isEqualTo(NOW);
    assertThat(sink.published).hasSize(3);
    RawDocument first = sink.published.get(0);
    assertThat(first.url()).isEqualTo(server.base() + "/english/20240501/c1.htm?utm_source=rss&utm_medium=feed");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(first.body()).contains("BEIJING, May 1 (Xinhua)");
    assertThat(first.fetchedAt()).isEqualTo(NOW);
    assertThat(first.feedId()).isEqualTo("xinhua-world");
    assertThat(first.agencyHint()).isEqualTo("Xinhua");
    assertThat(first.languageHint()).isEqualTo("en");
    assertThat(first.feedEntry().guid()).isEqualTo("xinhua-20240501-c1");
    assertThat(first.id()).hasSize(20).isEqualTo(ItemKeys.documentId(first.feedEntry(), "xinhua-world"));
    assertThat(sink.rejected).isEmpty();
    assertThat(store.load("xinhua-world")).get().satisfies(s -> {
      assertThat(s.seenKeys()).hasSize(3);
      assertThat(s.lastPoll()).isEqualTo(NOW);
      assertThat(s.lastModified()).isEqualTo("Wed, 01 May 2024 02:15:00 GMT");
    });
  }

  @Test
  void documentIdIgnoresTrackingParametersSoTheSameStoryKeepsItsId() {
    serveFeed(null);
    poller.poll(loopbackFeed(server, "/feed.xml"), sink);

    String expected = Links.shortHash(server.base() + "/english/20240501/c1.htm");

    assertThat(sink.published.get(0).id()).isEqualTo(expected);
  }

  @Test
  void seenItemsAreNotPublishedAgainWhenTheFeedChanges() {
    serveFeed(null);
    FeedSpec feed = loopbackFeed(server, "/feed.xml");
    poller.poll(feed, sink);
    String original = new String(Fixtures.withBase("feeds/xinhua-world-rss20.xml", server.base()),
        StandardCharsets.UTF_8);
    String oneNewItem = original.replaceFirst("<item>", "<item><title>Breaking: new item</title><link>"
        + server.base() + "/english/20240501/c4.htm</link><guid>xinhua-20240501-c4</guid></item><item>");
    server.serve("/feed.xml", RSS, oneNewItem.getBytes(StandardCharsets.UTF_8));

    PollReport second = poller.poll(feed, sink);

    assertThat(second.newItems()).isEqualTo(1);
    assertThat(second.seenItems()).isEqualTo(3);
    assertThat(sink.published).hasSize(4);
    assertThat(sink.published.get(3).feedEntry().title()).isEqualTo("Breaking: new item");
    assertThat(server.hits("/english/20240501/c1.htm")).isEqualTo(1);
  }

  @Test
  void secondPollSendsTheEtagAndA304PublishesNothing() {
    serveFeed("\"v1\"");
    FeedSpec feed = loopbackFeed(server, "/feed.xml");
    poller.poll(feed, sink);

    PollReport second = poller.poll(feed, sink);

    assertThat(second.httpStatus()).isEqualTo(304);
    assertThat(second.error()).isNull();
    assertThat(second.newItems()).isZero();
    assertThat(sink.published).hasSize(3);
    List<TestServer.Seen> feedRequests = server.requests.stream().filter(r -> r.path().equals("/feed.xml")).toList();
    assertThat(feedRequests).extracting(TestServer.Seen::ifNoneMatch).containsExactly(null, "\"v1\"");
    assertThat(feedRequests.get(1).ifModifiedSince()).isEqualTo("Wed, 01 May 2024 02:15:00 GMT");
    assertThat(store.load("xinhua-world").get().etag()).isEqualTo("\"v1\"");
  }

  @Test
  void anItemWhosePublishThrowsIsNotSeenAndIsPublishedOnTheNextPoll() {
    serveFeed("\"v1\"");
    FeedSpec feed = loopbackFeed(server, "/feed.xml");
    sink.failPublishWhen(doc -> doc.url().contains("/c2.htm"));

    PollReport first = poller.poll(feed, sink);

    assertThat(first.error()).contains("sink failed to publish");
    assertThat(first.newItems()).isEqualTo(1);
    assertThat(first.failedItems()).isEqualTo(1);
    assertThat(server.hits("/english/20240501/c3.htm")).as("the poll stops at a failing sink").isZero();
    assertThat(store.load("xinhua-world").get().etag()).as("no validator while items are pending").isNull();

    sink.failPublishWhen(doc -> false);
    PollReport second = poller.poll(feed, sink);

    assertThat(second.error()).isNull();
    assertThat(second.httpStatus()).isEqualTo(200);
    assertThat(second.newItems()).isEqualTo(2);
    assertThat(second.seenItems()).isEqualTo(1);
    assertThat(sink.publishedUrls()).hasSize(3).anySatisfy(u -> assertThat(u).endsWith("/c2.htm"));
    assertThat(store.load("xinhua-world").get().etag()).isEqualTo("\"v1\"");
  }

  @Test
  void aDeadLetterTheSinkRefusesLeavesTheItemUnseen() {
    serveFeed(null);
    server.route("/english/20240501/c2.htm", ex -> TestServer.send(ex, 410, "text/plain", "gone".getBytes()));
    FeedSpec feed = loopbackFeed(server, "/feed.xml");
    sink.failRejects(true);

    PollReport first = poller.poll(feed, sink);

    assertThat(first.error()).contains("sink failed to record dead letter");
    sink.failRejects(false);
    PollReport second = poller.poll(feed, sink);

    assertThat(second.error()).isNull();
    assertThat(sink.rejected).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).contains("HTTP 410");
      assertThat(letter.stage()).isEqualTo("ingest");
      assertThat(letter.raw()).isNotNull();
      assertThat(letter.raw().status()).isEqualTo(410);
      assertThat(letter.raw().body()).isEqualTo("gone");
    });
    PollReport third = poller.poll(feed, sink);
    assertThat(third.seenItems()).isEqualTo(3);
    assertThat(sink.rejected).hasSize(1);
  }

  @Test
  void serverErrorIsReportedAndDeadLetteredThenTheFeedRecovers() {
    byte[] feedBytes = Fixtures.withBase("feeds/xinhua-world-rss20.xml", server.base());
    AtomicReference<Integer> status = new AtomicReference<>(500);
    server.route("/feed.xml", ex -> TestServer.send(ex, status.get(), RSS,
        status.get() == 500 ? "oops".getBytes() : feedBytes));
    FeedSpec feed = loopbackFeed(server, "/feed.xml");

    PollReport failed = poller.poll(feed, sink);

    assertThat(failed.httpStatus()).isEqualTo(500);
    assertThat(failed.error()).contains("HTTP 500");
    assertThat(sink.rejected).singleElement().satisfies(letter -> {
      assertThat(letter.documentId()).isEqualTo("feed:xinhua-world");
      assertThat(letter.url()).isEqualTo(server.base() + "/feed.xml");
      assertThat(letter.at()).isEqualTo(NOW);
    });

    status.set(200);
    PollReport recovered = poller.poll(feed, sink);

    assertThat(recovered.error()).isNull();
    assertThat(recovered.newItems()).isEqualTo(3);
  }

  @Test
  void missingAndMalformedFeedsAreReportedNeverThrown() {
    server.serve("/broken.xml", RSS, Fixtures.bytes("feeds/mismatched-tags.xml"));

    PollReport missing = poller.poll(loopbackFeed(server, "/nope.xml"), sink);
    PollReport broken = poller.poll(loopbackFeed(server, "/broken.xml"), sink);

    assertThat(missing.httpStatus()).isEqualTo(404);
    assertThat(missing.error()).contains("HTTP 404");
    assertThat(broken.httpStatus()).isEqualTo(200);
    assertThat(broken.error()).contains("unreadable feed").contains("malformed XML");
    assertThat(sink.rejected).extracting(DeadLetter::documentId).containsExactly("feed:xinhua-world",
        "feed:xinhua-world");
    assertThat(sink.published).isEmpty();
  }

  @Test
  void anEntryWithoutLinkIsDeadLetteredOnce() {
    String rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>Flash: no link</title>"
        + "<guid isPermaLink=\"false\">flash-1</guid></item></channel></rss>";
    server.serve("/flash.xml", RSS, rss.getBytes(StandardCharsets.UTF_8));
    FeedSpec feed = loopbackFeed(server, "/flash.xml");

    poller.poll(feed, sink);
    PollReport second = poller.poll(feed, sink);

    assertThat(sink.rejected).singleElement().satisfies(l -> assertThat(l.reason()).contains("no usable link"));
    assertThat(second.seenItems()).isEqualTo(1);
  }

  @Test
  void maxItemsPerPollDefersTheRestToTheNextPoll() {
    serveFeed("\"v1\"");
    FeedPoller small = new FeedPoller(testLimits(2), store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    FeedSpec feed = loopbackFeed(server, "/feed.xml");

    PollReport first = small.poll(feed, sink);
    PollReport second = small.poll(feed, sink);

    assertThat(first.newItems()).isEqualTo(2);
    assertThat(first.error()).isNull();
    assertThat(second.httpStatus()).as("validators withheld until the feed is drained").isEqualTo(200);
    assertThat(second.newItems()).isEqualTo(1);
    assertThat(sink.published).hasSize(3);
  }

  /** One item under a fixed guid, with the given title and date, on /updates.xml. */
  private void serveUpdate(String title, String pubDate) {
    String rss = "<rss version=\"2.0\"><channel><title>Xinhua</title><item><title>" + title + "</title>"
        + "<link>" + server.base() + "/english/20240501/c1.htm</link><guid isPermaLink=\"false\">xinhua-c1</guid>"
        + "<pubDate>" + pubDate + "</pubDate><description>Talks resume in Cairo.</description></item>"
        + "</channel></rss>";
    server.serve("/updates.xml", RSS, rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anItemUpdatedUnderTheSameGuidIsFetchedAgainUnderTheSameDocumentId() {
    FeedSpec feed = loopbackFeed(server, "/updates.xml");
    serveUpdate("Ceasefire talks resume in Cairo", "Wed, 01 May 2024 02:15:00 GMT");
    PollReport first = poller.poll(feed, sink);
    PollReport unchanged = poller.poll(feed, sink);

    serveUpdate("UPDATE 1-Ceasefire talks resume in Cairo, mediators say", "Wed, 01 May 2024 04:40:00 GMT");
    PollReport updated = poller.poll(feed, sink);
    PollReport afterUpdate = poller.poll(feed, sink);

    assertThat(first.newItems()).isEqualTo(1);
    assertThat(unchanged.newItems()).isZero();
    assertThat(unchanged.seenItems()).isEqualTo(1);
    assertThat(updated.newItems()).isEqualTo(1);
    assertThat(afterUpdate.seenItems()).isEqualTo(1);
    assertThat(afterUpdate.newItems()).isZero();
    assertThat(server.hits("/english/20240501/c1.htm")).isEqualTo(2);
    assertThat(sink.published).hasSize(2);
    assertThat(sink.published.get(1).id()).isEqualTo(sink.published.get(0).id());
    assertThat(sink.published.get(1).feedEntry().title()).startsWith("UPDATE 1-");
    assertThat(store.load("xinhua-world").orElseThrow().seenKeys()).hasSize(1);
  }

  @Test
  void aFeedThatHandsOutNewGuidsOnEveryFetchDoesNotRefetchItsItems() {
    java.util.concurrent.atomic.AtomicInteger fetch = new java.util.concurrent.atomic.AtomicInteger();
    server.route("/random-guids.xml", ex -> {
      int n = fetch.incrementAndGet();
      String rss = "<rss version=\"2.0\"><channel><title>Wire</title>"
          + "<item><title>Ceasefire talks resume</title><link>" + server.base() + "/english/20240501/c1.htm</link>"
          + "<guid isPermaLink=\"false\">gen-" + n + "-1</guid></item>"
          + "<item><title>Quake in Ishikawa</title><link>" + server.base() + "/english/20240501/c2.htm</link>"
          + "<guid isPermaLink=\"false\">gen-" + n + "-2</guid></item></channel></rss>";
      TestServer.send(ex, 200, RSS, rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    FeedSpec feed = loopbackFeed(server, "/random-guids.xml");

    PollReport first = poller.poll(feed, sink);
    PollReport second = poller.poll(feed, sink);
    PollReport third = poller.poll(feed, sink);

    assertThat(first.newItems()).isEqualTo(2);
    assertThat(second.newItems()).isZero();
    assertThat(second.seenItems()).isEqualTo(2);
    assertThat(third.seenItems()).isEqualTo(2);
    assertThat(server.hits("/english/20240501/c1.htm")).isEqualTo(1);
    assertThat(store.load("xinhua-world").orElseThrow().seenKeys()).hasSize(2);
  }

  @Test
  void anEntrySavedWithoutAFingerprintCountsAsSeenAndGetsOne() throws Exception {
    FeedSpec feed = loopbackFeed(server, "/updates.xml");
    serveUpdate("Ceasefire talks resume in Cairo", "Wed, 01 May 2024 02:15:00 GMT");
    FeedEntry entry = new FeedEntry("xinhua-c1", null, null, null, null, null);
    // The state an earlier version wrote: the bare key.
    store.save(new FeedState("xinhua-world", null, null, List.of(ItemKeys.seenKey(entry)), null));

    PollReport report = poller.poll(feed, sink);

    assertThat(report.seenItems()).isEqualTo(1);
    assertThat(report.newItems()).isZero();
    assertThat(server.hits("/english/20240501/c1.htm")).isZero();
    assertThat(store.load("xinhua-world").orElseThrow().seenKeys()).singleElement()
        .satisfies(e -> assertThat(SeenItems.fingerprintOf(e)).isNotNull());
  }

  @Test
  void seenKeysAreBoundedKeepingTheNewest() throws Exception {
    serveFeed(null);
    List<String> old = new ArrayList<>();
    for (int i = 0; i < FeedPoller.MAX_SEEN_KEYS; i++) {
      old.add("k" + i);
    }
    store.save(new FeedState("xinhua-world", null, null, old, null));

    poller.poll(loopbackFeed(server, "/feed.xml"), sink);

    List<String> keys = store.load("xinhua-world").get().seenKeys();
    assertThat(keys).hasSize(FeedPoller.MAX_SEEN_KEYS);
    assertThat(keys.get(0)).isEqualTo("k3");
    assertThat(keys.subList(keys.size() - 3, keys.size()))
        .containsExactlyElementsOf(sink.published.stream().map(d -> SeenItems.entryOf(d.feedEntry())).toList());
  }

  @Test
  void sendsTheConfiguredUserAgentAndAcceptsCompression() {
    serveFeed(null);

    poller.poll(loopbackFeed(server, "/feed.xml"), sink);

    assertThat(server.requests).allSatisfy(r -> {
      assertThat(r.userAgent()).isEqualTo("wirefeed-test/1.0");
      assertThat(r.acceptEncoding()).isEqualTo("gzip, deflate");
    });
  }

  @Test
  void publishesTheArticlesLinkedFromAnHtmlSectionPage() {
    server.serve("/hub/world-news", HTML, Fixtures.bytes("pages/ap-hub-world-news.html"));
    server.serve("/article/eu-summit-ukraine-aid-4f2a9c", HTML, Fixtures.bytes("pages/xinhua-article.html"));
    server.serve("/article/japan-earthquake-tsunami-warning-0c3d11", HTML, Fixtures.bytes("pages/xinhua-article.html"));
    FeedSpec hub = new FeedSpec("ap-world", server.uri("/hub/world-news"), FeedKind.HTML, "AP", "en",
        Duration.ofMinutes(5), "h3.PagePromo-title a", "/article/", true);

    PollReport report = poller.poll(hub, sink);

    assertThat(report.error()).isNull();
    assertThat(report.newItems()).isEqualTo(2);
    assertThat(sink.published).extracting(d -> d.feedEntry().title()).containsExactly(
        "EU leaders agree on new aid package for Ukraine", "Strong quake & tsunami warning in northern Japan");
    assertThat(sink.published.get(0).agencyHint()).isEqualTo("AP");
  }
}
