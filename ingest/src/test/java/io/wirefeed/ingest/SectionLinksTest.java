package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.FeedEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionLinksTest {
  private static final URI HUB = URI.create("https://apnews.com/hub/world-news");
  private static final String HTML =
      new String(Fixtures.bytes("pages/ap-hub-world-news.html"), StandardCharsets.UTF_8);

  @Test
  void findsArticleLinksBySelectorOnTheSameSiteDeduplicatedWithTheirText() {
    List<FeedEntry> entries = SectionLinks.find(HTML, HUB, ".PagePromo", null);

    assertThat(entries).extracting(FeedEntry::link).containsExactly(
        "https://apnews.com/article/eu-summit-ukraine-aid-4f2a9c",
        "https://apnews.com/article/sudan-ceasefire-talks-77b1e0?utm_source=hub",
        "https://apnews.com/article/japan-earthquake-tsunami-warning-0c3d11");
    assertThat(entries).extracting(FeedEntry::title).containsExactly(
        "EU leaders agree on new aid package for Ukraine",
        "Sudan ceasefire talks resume in Jeddah",
        "Strong quake & tsunami warning in northern Japan");
    assertThat(entries).allSatisfy(e -> assertThat(e.guid()).isNull());
  }

  @Test
  void fallsBackToImageAltTextWhenALinkHasNoText() {
    List<FeedEntry> entries = SectionLinks.find(HTML, HUB, ".PagePromo > a", null);

    assertThat(entries).extracting(FeedEntry::title).containsExactly("EU leaders");
  }

  @Test
  void findsArticleLinksByUrlPatternAlone() {
    List<FeedEntry> entries = SectionLinks.find(HTML, HUB, null, "/article/[a-z0-9-]+$");

    assertThat(entries).extracting(FeedEntry::link).containsExactly(
        "https://apnews.com/article/eu-summit-ukraine-aid-4f2a9c",
        "https://apnews.com/article/japan-earthquake-tsunami-warning-0c3d11");
  }

  @Test
  void combinesSelectorAndPattern() {
    List<FeedEntry> entries = SectionLinks.find(HTML, HUB, "main a", "sudan");

    assertThat(entries).extracting(FeedEntry::title).containsExactly("Sudan ceasefire talks resume in Jeddah");
  }

  @Test
  void findsNothingOnAPageWithoutMatchingLinks() {
    assertThat(SectionLinks.find("<html><body><p>No links</p></body></html>", HUB, "a", null)).isEmpty();
  }
}
