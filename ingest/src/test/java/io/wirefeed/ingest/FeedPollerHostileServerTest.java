package io.wirefeed.ingest;

import static io.wirefeed.ingest.FeedPollerTest.HTML;
import static io.wirefeed.ingest.FeedPollerTest.NOW;
import static io.wirefeed.ingest.FeedPollerTest.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that misbehaves on purpose: slow, looping, bombing, lying about charsets, pointing inwards. */
class FeedPollerHostileServerTest {
  private TestServer server;
  private RecordingSink sink;
  private FeedPoller poller;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    sink = new RecordingSink();
    // One attempt per fetch: each test is about one misbehaving response (retries: FeedPollerRetryTest).
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    poller = TestRetriers.poller(FeedPollerTest.testLimits(50), new InMemoryFeedStateStore(), clock,
        TestRetriers.once(clock));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** A feed with one item linking to {@code path} on the test server. */
  private FeedSpec feedLinkingTo(String path) {
    String rss = "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Story</title><link>"
        + server.base() + path + "</link><guid>story-1</guid></item></channel></rss>";
    server.serve("/feed.xml", RSS, rss.getBytes(StandardCharsets.UTF_8));
    return FeedPollerTest.loopbackFeed(server, "/feed.xml");
  }

  private DeadLetter onlyDeadLetter() {
    assertThat(sink.rejected).hasSize(1);
    return sink.rejected.get(0);
  }

  @Test
  void aPageSlowerThanTheReadTimeoutIsDeadLetteredQuickly() {
    server.route("/slow", ex -> {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write("<html><body>".getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
      server.release.await(60, TimeUnit.SECONDS);
    });
    long start = System.nanoTime();

    PollReport report = poller.poll(feedLinkingTo("/slow"), sink);

    // The server holds the page for a minute; the read deadline ends each attempt well before.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(report.failedItems()).isEqualTo(1);
    assertThat(onlyDeadLetter().reason()).contains("timed out");
    assertThat(sink.published).isEmpty();
  }

  @Test
  void aFeedWhoseHeadersNeverComeIsReportedAsTimedOut() {
    server.route("/hang.xml", ex -> server.release.await(10, TimeUnit.SECONDS));

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/hang.xml"), sink);

    assertThat(report.error()).contains("timed out");
    assertThat(onlyDeadLetter().documentId()).isEqualTo("feed:xinhua-world");
  }

  @Test
  void aRedirectLoopIsRefused() {
    server.route("/loop-a", ex -> TestServer.redirect(ex, 302, "/loop-b"));
    server.route("/loop-b", ex -> TestServer.redirect(ex, 302, server.base() + "/loop-a"));

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/loop-a"), sink);

    assertThat(report.error()).contains("redirect loop");
    assertThat(server.hits("/loop-a")).isEqualTo(1);
  }

  @Test
  void tooManyRedirectsAreRefused() {
    for (int i = 1; i <= 5; i++) {
      int next = i + 1;
      server.route("/r" + i, ex -> TestServer.redirect(ex, 301, "/r" + next));
    }

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/r1"), sink);

    assertThat(report.error()).contains("too many redirects (more than 3)");
    assertThat(server.hits("/r5")).isZero();
  }

  @Test
  void redirectsAreFollowedAndThePageKeepsItsFinalUrl() {
    server.route("/old-feed", ex -> TestServer.redirect(ex, 301, "/feed.xml"));
    feedLinkingTo("/story");
    server.route("/story", ex -> TestServer.redirect(ex, 307, "/2024/05/01/story.html"));
    server.serve("/2024/05/01/story.html", HTML, Fixtures.bytes("pages/xinhua-article.html"));

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/old-feed"), sink);

    assertThat(report.error()).isNull();
    assertThat(sink.published).singleElement().satisfies(doc -> {
      assertThat(doc.url()).isEqualTo(server.base() + "/2024/05/01/story.html");
      assertThat(doc.id()).isEqualTo(Links.shortHash(server.base() + "/story"));
    });
  }

  @Test
  void aGzipBombIsRefusedAtTheDecompressedCap() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[64 * 1024];
      for (int i = 0; i < 160; i++) {
        gzip.write(zeros);
      }
    }
    byte[] bomb = compressed.toByteArray();
    assertThat(bomb.length).isLessThan(32 * 1024);
    server.route("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, HTML, bomb);
    });

    poller.poll(feedLinkingTo("/bomb"), sink);

    assertThat(onlyDeadLetter().reason()).contains("decompressed body exceeds 32768 bytes");
  }

  @Test
  void aGzippedPageIsDecoded() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(Fixtures.bytes("pages/xinhua-article.html"));
    }
    server.route("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, HTML, compressed.toByteArray());
    });

    poller.poll(feedLinkingTo("/gz"), sink);

    assertThat(sink.published).singleElement().satisfies(d -> assertThat(d.body()).contains("BEIJING, May 1"));
  }

  @Test
  void deflatedPagesAreDecodedWhetherZlibWrappedOrRaw() throws Exception {
    byte[] page = Fixtures.bytes("pages/xinhua-article.html");
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
      out.write(page);
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
      out.write(page);
    }
    String rss = "<rss version=\"2.0\"><channel><title>Wire</title>"
        + "<item><title>A</title><link>" + server.base() + "/zlib</link></item>"
        + "<item><title>B</title><link>" + server.base() + "/raw</link></item></channel></rss>";
    server.serve("/feed.xml", RSS, rss.getBytes(StandardCharsets.UTF_8));
    server.route("/zlib", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "deflate");
      TestServer.send(ex, 200, HTML, zlib.toByteArray());
    });
    server.route("/raw", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "deflate");
      TestServer.send(ex, 200, HTML, raw.toByteArray());
    });

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/feed.xml"), sink);

    assertThat(sink.published).hasSize(2)
        .allSatisfy(d -> assertThat(d.body()).contains("BEIJING, May 1"));
    assertThat(report.bytes()).as("bytes as received, compressed")
        .isLessThan((long) rss.length() + 2L * page.length);
  }

  @Test
  void aHugeStreamedBodyIsCutOffAtTheCap() {
    server.route("/huge", ex -> {
      ex.getResponseHeaders().set("Content-Type", HTML);
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = "<p>filler filler filler filler</p>\n".repeat(100).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 3000; i++) {
          out.write(chunk);
        }
      }
    });

    poller.poll(feedLinkingTo("/huge"), sink);

    assertThat(onlyDeadLetter().reason()).contains("body exceeds 32768 bytes");
  }

  @Test
  void aDeclaredContentLengthOverTheCapIsRefusedWithoutReading() {
    server.serve("/big.xml", RSS, new byte[70 * 1024]);

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/big.xml"), sink);

    assertThat(report.error()).contains("body exceeds 65536 bytes");
  }

  @Test
  void pagesAreDecodedWithTheirRealCharsetWhateverTheServerSays() {
    String rss = "<rss version=\"2.0\"><channel><title>Wire</title>"
        + "<item><title>A</title><link>" + server.base() + "/utf8-labelled-latin1</link></item>"
        + "<item><title>B</title><link>" + server.base() + "/meta-1252</link></item>"
        + "</channel></rss>";
    server.serve("/feed.xml", RSS, rss.getBytes(StandardCharsets.UTF_8));
    server.serve("/utf8-labelled-latin1", "text/html; charset=ISO-8859-1",
        "<p>São Paulo – Brasília</p>".getBytes(StandardCharsets.UTF_8));
    server.serve("/meta-1252", "text/html", Fixtures.bytes("pages/windows1252-article.html"));

    poller.poll(FeedPollerTest.loopbackFeed(server, "/feed.xml"), sink);

    assertThat(sink.published).hasSize(2);
    assertThat(sink.published.get(0).body()).contains("São Paulo – Brasília");
    assertThat(sink.published.get(0).contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(sink.published.get(1).body())
        .contains("Grève à la SNCF")
        .contains("\u2013 Le trafic était « très perturbé »");
    assertThat(sink.published.get(1).contentType()).isEqualTo("text/html; charset=windows-1252");
  }

  @Test
  void aBinaryPageIsDeadLettered() {
    server.serve("/photo", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

    poller.poll(feedLinkingTo("/photo"), sink);

    assertThat(onlyDeadLetter().reason()).contains("not a text document: image/png");
    assertThat(sink.published).isEmpty();
  }

  @Test
  void aFeedOnAPrivateAddressIsRefusedUnlessAllowed() {
    feedLinkingTo("/story");
    FeedSpec notAllowed = new FeedSpec("internal", server.uri("/feed.xml"), FeedKind.FEED, null, null,
        Duration.ofMinutes(5), null, null, false);

    PollReport report = poller.poll(notAllowed, sink);

    assertThat(report.error()).contains("non-public address 127.0.0.1");
    assertThat(report.httpStatus()).isZero();
    assertThat(server.requests).isEmpty();
    assertThat(onlyDeadLetter().documentId()).isEqualTo("feed:internal");
  }

  @Test
  void aRedirectFromAPublicHostToLoopbackIsRefused() throws Exception {
    // The server stands in for the internet as an HTTP proxy; "wire.example" passes the address check.
    InetAddress documentation = InetAddress.getByAddress("wire.example", new byte[] {(byte) 203, 0, 113, 7});
    AddressGuard guard = new AddressGuard(host -> host.equals("wire.example")
        ? new InetAddress[] {documentation} : InetAddress.getAllByName(host));
    FeedPoller proxied = new FeedPoller(FeedPollerTest.testLimits(50), new InMemoryFeedStateStore(),
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO, guard,
        ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())),
        TestRetriers.once(Clock.systemUTC()));
    server.route("/feed.xml", ex -> TestServer.redirect(ex, 302, server.base() + "/admin/secrets"));
    server.serve("/admin/secrets", RSS, "<rss/>".getBytes(StandardCharsets.UTF_8));
    FeedSpec publicFeed = FeedSpec.feed("wire", java.net.URI.create("http://wire.example/feed.xml"), null, null,
        Duration.ofMinutes(5));

    PollReport report = proxied.poll(publicFeed, sink);

    assertThat(server.hits("/feed.xml")).as("the public hop was fetched").isEqualTo(1);
    assertThat(server.hits("/admin/secrets")).isZero();
    assertThat(report.error()).contains("refused").contains("127.0.0.1");
    assertThat(onlyDeadLetter().documentId()).isEqualTo("feed:wire");
  }

  @Test
  void unsupportedSchemesInRedirectsAreRefused() {
    server.route("/to-file", ex -> TestServer.redirect(ex, 302, "file:///etc/passwd"));

    PollReport report = poller.poll(FeedPollerTest.loopbackFeed(server, "/to-file"), sink);

    assertThat(report.error()).contains("unsupported scheme");
  }
}
