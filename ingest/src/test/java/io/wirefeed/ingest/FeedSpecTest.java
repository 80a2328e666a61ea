package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedSpecTest {
  private static final URI URL = URI.create("https://tass.com/rss/v2.xml");
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);

  @Test
  void acceptsAFeedAndNormalizesBlankOptionalFields() {
    FeedSpec spec = new FeedSpec("tass-en", URL, FeedKind.FEED, " TASS ", "", FIVE_MIN, " ", null, false);

    assertThat(spec.agency()).isEqualTo("TASS");
    assertThat(spec.language()).isNull();
    assertThat(spec.linkSelector()).isNull();
    assertThat(FeedSpec.feed("tass-en", URL, "TASS", "en", FIVE_MIN).kind()).isEqualTo(FeedKind.FEED);
  }

  @Test
  void rejectsBadIdsUrlsAndIntervalsNamingTheValue() {
    assertThatThrownBy(() -> new FeedSpec("bad id", URL, FeedKind.FEED, null, null, FIVE_MIN, null, null, false))
        .hasMessageContaining("Invalid feed id: bad id");
    assertThatThrownBy(() -> new FeedSpec("x", URI.create("ftp://x.example/f"), FeedKind.FEED, null, null, FIVE_MIN,
        null, null, false)).hasMessageContaining("ftp://x.example/f");
    assertThatThrownBy(() -> new FeedSpec("x", URI.create("/relative"), FeedKind.FEED, null, null, FIVE_MIN,
        null, null, false)).hasMessageContaining("absolute http/https");
    assertThatThrownBy(() -> new FeedSpec("x", URL, FeedKind.FEED, null, null, Duration.ZERO, null, null, false))
        .hasMessageContaining("Invalid interval");
  }

  @Test
  void htmlFeedsNeedAValidSelectorOrPattern() {
    URI hub = URI.create("https://apnews.com/hub/world-news");
    assertThatThrownBy(() -> new FeedSpec("ap", hub, FeedKind.HTML, "AP", "en", FIVE_MIN, null, null, false))
        .hasMessageContaining("linkSelector or linkPattern required");
    assertThatThrownBy(() -> new FeedSpec("ap", hub, FeedKind.HTML, "AP", "en", FIVE_MIN, "div[[", null, false))
        .hasMessageContaining("Invalid linkSelector for feed ap: div[[");
    assertThatThrownBy(() -> new FeedSpec("ap", hub, FeedKind.HTML, "AP", "en", FIVE_MIN, null, "(unclosed", false))
        .hasMessageContaining("Invalid linkPattern");
    assertThat(new FeedSpec("ap", hub, FeedKind.HTML, "AP", "en", FIVE_MIN, "h3 a", "/article/", false).linkPattern())
        .isEqualTo("/article/");
  }

  @Test
  void limitsDefaultsMatchTheDocumentedValuesAndBadLimitsAreRefused() {
    IngestLimits d = IngestLimits.defaults();
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.maxFeedBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(d.maxPageBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(d.maxRedirects()).isEqualTo(5);
    assertThat(d.maxItemsPerPoll()).isEqualTo(200);
    assertThatThrownBy(() -> new IngestLimits(Duration.ZERO, d.readTimeout(), 1, 1, 1, "ua", 1))
        .hasMessageContaining("Invalid connectTimeout");
    assertThatThrownBy(() -> new IngestLimits(d.connectTimeout(), d.readTimeout(), 1, 1, -1, "ua", 1))
        .hasMessageContaining("Invalid maxRedirects: -1");
    assertThatThrownBy(() -> new IngestLimits(d.connectTimeout(), d.readTimeout(), 1, 1, 1, "bad\nagent", 1))
        .hasMessageContaining("Invalid userAgent");
    assertThatThrownBy(() -> new IngestLimits(d.connectTimeout(), d.readTimeout(), 1, 1, 1, "ua", 1, 0))
        .hasMessageContaining("Invalid maxConnectionsPerHost");
  }
}
