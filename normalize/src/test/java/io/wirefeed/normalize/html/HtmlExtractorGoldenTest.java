package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.normalize.text.ExtractedPage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden tests: fixture pages in agency and newspaper layouts against their expected article text. */
class HtmlExtractorGoldenTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  @ParameterizedTest
  @ValueSource(strings = {"agency-wire-story", "agency-multipart-story", "agency-french-story",
      "newspaper-republished-wire", "legacy-table-layout"})
  void extractsExactlyTheExpectedArticleText(String fixture) {
    ExtractedPage page = extractor.extract(HtmlFixtures.read(fixture + ".html"), "https://example.org/x");

    assertThat(String.join("\n\n", page.paragraphs()))
        .isEqualTo(HtmlFixtures.read(fixture + ".expected.txt").strip());
  }

  @Test
  void dropsChromeAroundAgencyStoryAndKeepsSubheadings() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("agency-wire-story.html"),
        "https://news.wirewire.example/business/port-strike-halts-grain-exports-2024-03-12/");

    assertThat(page.paragraphs()).first().asString().startsWith("ROTTERDAM, March 12 (Wirewire) - ");
    assertThat(page.paragraphs()).contains("Government urges compromise");
    assertThat(String.join("\n", page.paragraphs())).doesNotContain("cookies", "Related coverage",
        "Read more", "Advertisement", "Morning Bid", "Most read", "More from Wirewire", "Facebook", "REUTERS/Jan Berg",
        "Maria Lindqvist");
  }

  @Test
  void readsAgencyStoryMetadataFromOpenGraph() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("agency-wire-story.html"),
        "https://news.wirewire.example/business/port-strike-halts-grain-exports-2024-03-12/");

    assertThat(page.headline()).isEqualTo("Port strike halts grain exports as talks stall");
    assertThat(page.published()).isEqualTo(Instant.parse("2024-03-12T07:41:00Z"));
    assertThat(page.modified()).isEqualTo(Instant.parse("2024-03-12T09:05:00Z"));
    assertThat(page.authors()).containsExactly("Maria Lindqvist");
    assertThat(page.canonicalUrl())
        .isEqualTo("https://news.wirewire.example/business/port-strike-halts-grain-exports-2024-03-12/");
    assertThat(page.siteName()).isEqualTo("Wirewire News");
    assertThat(page.leadImage()).isEqualTo("https://news.wirewire.example/images/2024/03/port-strike.jpg");
    assertThat(page.declaredLanguage()).isEqualTo("en-US");
    assertThat(page.categories()).containsExactly("Business", "Commodities");
  }

  @Test
  void joinsBodyChunksSplitByAdsAndKeepsListsInsideTheStory() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("agency-multipart-story.html"),
        "https://apnews.example/article/wildfire-mountain-towns-7f3a");

    assertThat(page.paragraphs()).hasSize(9);
    assertThat(page.paragraphs()).contains("Residents can check evacuation zones on the county’s emergency website.",
        "Associated Press writer Kim Nguyen contributed from Sacramento.");
    assertThat(String.join("\n", page.paragraphs())).doesNotContain("RELATED:", "AP Photo", "Most read",
        "Copy Link", "DANIEL ORTEGA", "___");
  }

  @Test
  void readsJsonLdGraphWithTimeZonesAndSeveralAuthors() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("agency-multipart-story.html"), null);

    assertThat(page.published()).isEqualTo(Instant.parse("2024-07-21T01:02:11Z"));
    assertThat(page.modified()).isEqualTo(Instant.parse("2024-07-21T01:15:00Z"));
    assertThat(page.authors()).containsExactly("Daniel Ortega", "Kim Nguyen");
    assertThat(page.canonicalUrl()).isEqualTo("https://apnews.example/article/wildfire-mountain-towns-7f3a");
    assertThat(page.siteName()).isEqualTo("Newsroom Press");
    assertThat(page.headline()).isEqualTo("Wildfire forces thousands to flee mountain towns");
    assertThat(page.categories()).containsExactly("U.S. News", "Wildfires", "California");
  }

  @Test
  void readsLenientJsonLdAndFrenchPageWithoutCookieOrCommentText() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("agency-french-story.html"),
        "https://quotidien-midi.example/economie/2023/08/09/secheresse-aides");

    assertThat(page.published()).isEqualTo(Instant.parse("2023-08-09T12:30:00Z"));
    assertThat(page.authors()).containsExactly("AFP");
    assertThat(page.declaredLanguage()).isEqualTo("fr");
    assertThat(page.leadImage()).isEqualTo("https://quotidien-midi.example/photos/secheresse-16x9.jpg");
    assertThat(page.paragraphs().get(1)).contains("a déclaré Jean-Marc Dufour, président");
    assertThat(String.join("\n", page.paragraphs())).doesNotContain("cookies", "Lire aussi", "Publicité",
        "Inscrivez-vous", "retenues d'eau", "Partager", "Publié le");
  }

  @Test
  void dropsRepeatedBylineButNamesItsAuthorWhenThePageDeclaresNone() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("newspaper-republished-wire.html"), null);

    assertThat(page.paragraphs()).first().asString().startsWith("SANTA FE, N.M. (AP) — ");
    assertThat(page.authors()).containsExactly("Sam Whitfield");
    assertThat(page.published()).isEqualTo(Instant.parse("2024-02-28T21:14:03Z"));
    assertThat(String.join("\n", page.paragraphs())).doesNotContain("Story continues", "Share this", "Related",
        "thoughts on", "ditchrider54", "Snowpack", "Post navigation");
  }

  @Test
  void stripsAgencyNameFromTitleAndDropsRepeatedHeadlineInLegacyTablePage() {
    ExtractedPage page = extractor.extract(HtmlFixtures.read("legacy-table-layout.html"),
        "https://notipress.example/nacional/2002/11/14/vivienda.html");

    assertThat(page.headline()).isEqualTo("El Gobierno aprueba el plan de vivienda para jóvenes");
    assertThat(page.published()).isEqualTo(Instant.parse("2002-11-14T00:00:00Z"));
    assertThat(page.declaredLanguage()).isEqualTo("es");
    assertThat(page.paragraphs()).hasSize(4).noneMatch(p -> p.contains("Imprimir") || p.contains("13:45"));
  }

  @Test
  void prefersTheStoryUnderItsHeadlineOverLongerTeaserArticlesBelowIt() {
    StringBuilder html = new StringBuilder("<html><head><title>Bridge reopens after repairs | City Post</title></head>"
        + "<body><main><article class='post entry'><h1>Bridge reopens after repairs</h1>"
        + "<p>The old river bridge reopened to traffic on Friday after eight months of repairs, the city said, "
        + "ahead of schedule and slightly under its budget.</p></article><section class='posts'>");
    for (int i = 0; i < 6; i++) {
      html.append("<article class='post entry'><h2><a href='/p").append(i).append("'>Other story ").append(i)
          .append("</a></h2><p>A longer teaser paragraph for another story, with enough words and commas, clauses, ")
          .append("and details to look like text on its own, number ").append(i).append(".</p></article>");
    }
    html.append("</section></main></body></html>");

    ExtractedPage page = extractor.extract(html.toString(), "https://citypost.example/bridge");

    assertThat(page.headline()).isEqualTo("Bridge reopens after repairs");
    assertThat(page.paragraphs()).singleElement().asString().startsWith("The old river bridge reopened");
  }
}
