package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.normalize.text.ExtractedPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken pages: a result in bounded time, never an exception. */
class HtmlExtractorBadInputTest {
  private static final String STORY = "<p>The council voted on Monday to extend the curfew by another two weeks, "
      + "citing a rise in overnight incidents across the old town and the harbour district.</p>";
  private final HtmlExtractor extractor = new HtmlExtractor();

  @Test
  void returnsEmptyPageForNullAndBlankInput() {
    assertThat(extractor.extract(null, null).paragraphs()).isEmpty();
    assertThat(extractor.extract("   ", "https://example.org/").paragraphs()).isEmpty();
  }

  @Test
  void survivesFiftyThousandNestedElements() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div><span>".repeat(25_000)).append(STORY);

    ExtractedPage page = extractor.extractOrThrow(html.toString(), "https://example.org/deep");

    assertThat(page.paragraphs()).singleElement().asString().startsWith("The council voted");
  }

  @Test
  void readsPageWithoutHtmlHeadOrBodyTags() {
    ExtractedPage page = extractor.extractOrThrow("<title>Curfew extended</title>" + STORY + STORY.replace("two", "three"),
        "https://example.org/bare");

    assertThat(page.headline()).isEqualTo("Curfew extended");
    assertThat(page.paragraphs()).hasSize(2);
  }

  @Test
  void returnsNoTextForFrameset() {
    ExtractedPage page = extractor.extractOrThrow("<html><head><title>Frames</title></head><frameset cols='20%,80%'>"
        + "<frame src='menu.html'><frame src='story.html'></frameset></html>", "https://example.org/frames");

    assertThat(page.paragraphs()).isEmpty();
    assertThat(page.headline()).isEqualTo("Frames");
  }

  @Test
  void refusesBinaryServedAsHtml() {
    byte[] bytes = new byte[200_000];
    new Random(42).nextBytes(bytes);
    String junk = new String(bytes, StandardCharsets.UTF_8);

    assertThat(HtmlExtractor.looksBinary(junk)).isTrue();
    assertThat(extractor.extract(junk, "https://example.org/file.pdf").paragraphs()).isEmpty();
  }

  @Test
  void extractsTenMegabytePageInBoundedTime() {
    StringBuilder html = new StringBuilder(10_500_000).append("<html><body><article>");
    int i = 0;
    while (html.length() < 10_000_000) {
      html.append("<p>Paragraph ").append(i++).append(" of a very long transcript, with commas, clauses and a ")
          .append("closing sentence that keeps going for a while.</p><div class='ad'><a href='/x'>ad</a></div>");
    }
    html.append("</article></body></html>");
    String page = html.toString();

    ExtractedPage result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> extractor.extractOrThrow(page, "https://example.org/huge"));

    assertThat(result.paragraphs()).isNotEmpty().allMatch(p -> p.startsWith("Paragraph "));
  }

  @Test
  void ignoresBrokenJsonLdAndBadDates() {
    String html = "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
        + "<meta property='article:published_time' content='yesterday at noon'>"
        + "<meta property='og:title' content='Curfew extended'></head><body>" + STORY + "</body></html>";

    ExtractedPage page = extractor.extractOrThrow(html, "https://example.org/news/2024/05/06/curfew");

    assertThat(page.headline()).isEqualTo("Curfew extended");
    assertThat(page.published()).isEqualTo(java.time.Instant.parse("2024-05-06T00:00:00Z"));
    assertThat(page.paragraphs()).hasSize(1);
  }

  @Test
  void handlesPlainTextServedAsHtml() {
    ExtractedPage page = extractor.extractOrThrow("DAMAS, 18 octobre (Xinhua) -- Le chef d'état-major a convenu "
        + "mercredi de renforcer la coopération militaire entre les deux pays.", null);

    assertThat(page.paragraphs()).singleElement().asString().startsWith("DAMAS, 18 octobre (Xinhua)");
  }

  @Test
  void neverThrowsOnMalformedMarkup() {
    String html = "<<<html><body><p>unclosed <b><i>tags</p></div></span><table><td>cell<tr><p>" + "&#x110000;&bogus;"
        + "<a href='javascript:alert(1)'>x</a><meta content=''><time datetime='2024-13-45'>bad</time>";

    assertThat(extractor.extract(html, "not a url")).isNotNull();
  }
}
