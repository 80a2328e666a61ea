package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A news sitemap index as a feed: its newest sitemaps are read, the rest left alone. */
class FeedPollerSitemapTest {
  private static final String XML = "application/xml; charset=utf-8";
  private final MutableClock clock = new MutableClock(NOW);
  private TestServer server;
  private InMemoryFeedStateStore store;
  private RecordingSink sink;
  private FeedPoller poller;
  private final AtomicInteger dayTwoStatus = new AtomicInteger(200);

  @BeforeEach
  void setUp() {
    server = new TestServer();
    store = new InMemoryFeedStateStore();
    sink = new RecordingSink();
    poller = TestRetriers.poller(store, clock);
    // Listed oldest first on purpose: the poller orders them by lastmod.
    String index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + sitemap("/sitemaps/news-1.xml", "2024-04-28T10:00:00Z")
        + sitemap("/sitemaps/news-2.xml", "2024-04-29T10:00:00Z")
        + sitemap("/sitemaps/news-3.xml", "2024-04-30T10:00:00Z")
        + sitemap("/sitemaps/news-4.xml", "2024-05-01T10:00:00Z")
        + "</sitemapindex>";
    server.route("/news-index.xml", ex -> {
      if ("\"i1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"i1\"");
      TestServer.send(ex, 200, XML, index.getBytes(StandardCharsets.UTF_8));
    });
    for (int day = 1; day <= 4; day++) {
      String path = "/sitemaps/news-" + day + ".xml";
      String body = urlset(day);
      server.route(path, ex -> TestServer.send(ex, path.endsWith("-2.xml") ? dayTwoStatus.get() : 200, XML,
          body.getBytes(StandardCharsets.UTF_8)));
      server.serve("/world/story-" + day + ".html", HTML, Fixtures.bytes("pages/xinhua-article.html"));
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private static String sitemap(String path, String lastmod) {
    return "<sitemap><loc>" + path + "</loc><lastmod>" + lastmod + "</lastmod></sitemap>";
  }

  private String urlset(int day) {
    return "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>" + server.base()
        + "/world/story-" + day + ".html</loc><news:news><news:publication_date>2024-0" + (day < 4 ? "4-2" + (7 + day)
        : "5-01") + "T09:00:00Z</news:publication_date><news:title>Story of day " + day
        + "</news:title></news:news></url></urlset>";
  }

  private FeedSpec feed() {
    return FeedPollerTest.loopbackFeed(server, "/news-index.xml");
  }

  @Test
  void theThreeNewestSitemapsOfAnIndexAreReadAndTheirItemsPublished() {
    PollReport first = poller.poll(feed(), sink);

    assertThat(first.error()).isNull();
    assertThat(first.newItems()).isEqualTo(3);
    assertThat(sink.published).extracting(d -> d.feedEntry().title())
        .containsExactly("Story of day 4", "Story of day 3", "Story of day 2");
    assertThat(server.hits("/sitemaps/news-1.xml")).as("the oldest is left alone").isZero();

    PollReport second = poller.poll(feed(), sink);

    assertThat(second.httpStatus()).isEqualTo(304);
    assertThat(server.hits("/sitemaps/news-4.xml")).as("an unchanged index costs one request").isEqualTo(1);
  }

  @Test
  void aSitemapThatFailsLeavesTheOthersItemsPublishedAndTheIndexAskedAgainInFull() {
    dayTwoStatus.set(500);

    PollReport first = poller.poll(feed(), sink);

    assertThat(first.newItems()).isEqualTo(2);
    assertThat(first.error()).contains("HTTP 500 from sitemap").contains("news-2.xml");
    dayTwoStatus.set(200);
    PollReport second = poller.poll(feed(), sink);

    assertThat(second.httpStatus()).as("validators were withheld").isEqualTo(200);
    assertThat(second.error()).isNull();
    assertThat(second.newItems()).isEqualTo(1);
    assertThat(sink.published).extracting(d -> d.feedEntry().title()).contains("Story of day 2");
  }

  @Test
  void anIndexWhoseSitemapsAllFailIsAFailedFeed() {
    server.route("/broken-index.xml", ex -> TestServer.send(ex, 200, XML, ("<sitemapindex "
        + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>/missing.xml</loc></sitemap>"
        + "</sitemapindex>").getBytes(StandardCharsets.UTF_8)));

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/broken-index.xml"), sink);

    assertThat(report.error()).startsWith("none of the index's 1 newest sitemaps could be read: HTTP 404");
    assertThat(sink.rejected).singleElement().satisfies(d -> assertThat(d.documentId()).startsWith("feed:"));
  }
}
