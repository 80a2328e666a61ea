package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headline, language and byline rules of the page metadata. */
class HtmlMetadataTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Port strike halts exports | Wirewire News;Wirewire News;Port strike halts exports",
      "Wirewire News - Port strike halts exports;Wirewire News;Port strike halts exports",
      "AGENCIA NOTIPRESS :: El Gobierno aprueba el plan;'';El Gobierno aprueba el plan",
      "Port strike halts grain exports - Business;'';Port strike halts grain exports",
      "Brexit: what happens next;'';Brexit: what happens next"})
  void stripsSiteNameFromTitles(String title, String site, String expected) {
    assertThat(HtmlMetadata.stripSiteName(title, site)).isEqualTo(expected);
  }

  @Test
  void prefersPrintedHeadlineWhenTitlesCorroborateIt() {
    String html = "<html><head><title>Storm hits coast, thousands without power | Daily</title>"
        + "<meta property='og:title' content='Thousands without power after storm hits coast - read more'></head>"
        + "<body><h1 class='logo'>Daily</h1><h1>Storm hits coast, thousands without power</h1></body></html>";

    assertThat(HtmlMetadata.read(Jsoup.parse(html), null).headline())
        .isEqualTo("Storm hits coast, thousands without power");
  }

  @Test
  void fallsBackToDeclaredHeadlineWhenH1IsTheLogo() {
    String html = "<html><head><meta property='og:title' content='Storm hits coast'></head>"
        + "<body><h1>Daily Planet</h1></body></html>";

    assertThat(HtmlMetadata.read(Jsoup.parse(html), null).headline()).isEqualTo("Storm hits coast");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"en_US|en-US", "fr|fr", "pt-br|pt-BR", "zh-hant-tw|zh-Hant-TW",
      "de-DE, en|de-DE"})
  void normalisesDeclaredLanguageToBcp47(String raw, String expected) {
    assertThat(HtmlMetadata.bcp47(raw)).isEqualTo(expected);
  }

  @Test
  void ignoresLanguageValuesThatAreNotTags() {
    assertThat(HtmlMetadata.bcp47("English (United States)")).isNull();
  }

  @Test
  void prefersHtmlLangOverOpenGraphLocale() {
    String html = "<html lang='es'><head><meta property='og:locale' content='en_US'></head><body></body></html>";

    assertThat(HtmlMetadata.read(Jsoup.parse(html), null).language()).isEqualTo("es");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "By SAM WHITFIELD Associated Press|Sam Whitfield",
      "By Ann Lee and Bo Kim, Reuters|Ann Lee;Bo Kim",
      "Par Jeanne Martin|Jeanne Martin"})
  void readsNamesFromPrintedByline(String byline, String expected) {
    assertThat(HtmlMetadata.bylineNames(byline)).containsExactly(expected.split(";"));
  }

  @Test
  void skipsProfileUrlsAmongAuthorMetaTags() {
    String html = "<html><head><meta property='article:author' content='https://facebook.example/jdoe'>"
        + "<meta name='author' content='Jane Doe'></head><body></body></html>";

    assertThat(HtmlMetadata.read(Jsoup.parse(html), null).authors()).containsExactly("Jane Doe");
  }

  @Test
  void resolvesRelativeCanonicalAndImageAgainstPageUrl() {
    String html = "<html><head><link rel='canonical' href='/news/story-1'>"
        + "<meta property='og:image' content='img/lead.jpg'></head><body></body></html>";

    HtmlMetadata meta = HtmlMetadata.read(Jsoup.parse(html, "https://site.example/news/"), null);

    assertThat(meta.canonicalUrl()).isEqualTo("https://site.example/news/story-1");
    assertThat(meta.leadImage()).isEqualTo("https://site.example/news/img/lead.jpg");
  }
}
