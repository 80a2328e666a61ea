package io.wirefeed.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.normalize.GoldenWireCopyTest;
import io.wirefeed.normalize.wire.DatelineParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {
  private final PlainTextExtractor extractor = new PlainTextExtractor(new DatelineParser());

  @Test
  void keepsEveryStorySentenceAndDropsTheChromeOfASeedLikePage() {
    ExtractedPage page = extractor.extract(GoldenWireCopyTest.read("wire/xinhua-en-page.txt"), null);

    assertThat(String.join("\n\n", page.paragraphs()))
        .isEqualTo("NAIROBI, May 6 (Xinhua) -- " + GoldenWireCopyTest.read("wire/xinhua-en-page.body.txt").strip());
    assertThat(page.headline()).isEqualTo("Chinese, Kenyan firms sign deal to build solar plant near Nairobi");
    assertThat(page.siteName()).isEqualTo("english.news.cn");
  }

  @Test
  void recoversTheHeadlineAboveThePublishedLineRatherThanUnrelatedHeadlines() {
    ExtractedPage page = extractor.extract(GoldenWireCopyTest.read("wire/xinhua-fr-page.txt"), null);

    assertThat(page.headline()).isEqualTo("La Chine et l'Algérie s'engagent à approfondir leur coopération énergétique");
    assertThat(page.paragraphs()).first().asString().startsWith("ALGER, 12 mars (Xinhua) --");
    assertThat(page.paragraphs()).noneMatch(p -> p.contains("Les plus belles photos") || p.contains("Taille du Texte")
        || p.contains("Partager") || p.startsWith("0100"));
    assertThat(page.paragraphs()).last().asString().isEqualTo("La Chine est depuis plusieurs années le premier "
        + "fournisseur de l'Algérie, devant la France et l'Italie.");
  }

  @Test
  void prefersTheLineMatchingTheFeedTitleAsHeadline() {
    String text = "Top stories\n\nMarkets rally on rate hopes\n\nOil slips as supply fears ease\n\n"
        + "LONDON, Oct 18 (Reuters) - Oil prices slipped on Friday as fears over supply eased, traders said.\n";

    ExtractedPage page = extractor.extract(text, "Oil slips as supply fears ease");

    assertThat(page.headline()).isEqualTo("Oil slips as supply fears ease");
  }

  @Test
  void startsAtTheFirstProseParagraphWhenThereIsNoDateline() {
    String text = "Home | World | Business | Sport\n\nCity council approves new cycle lanes\n\n"
        + "The city council on Monday approved a plan to build 40 kilometres of new cycle lanes by 2026.\n\n"
        + "Work will start in the spring, the deputy mayor said.\n\nShare\n\nRead more: Bus fares to rise in April\n";

    ExtractedPage page = extractor.extract(text, null);

    assertThat(page.paragraphs()).containsExactly(
        "The city council on Monday approved a plan to build 40 kilometres of new cycle lanes by 2026.",
        "Work will start in the spring, the deputy mayor said.");
    assertThat(page.headline()).isEqualTo("City council approves new cycle lanes");
  }

  @Test
  void joinsHardWrappedArchiveLinesIntoParagraphs() {
    String text = "NEW YORK, March 3 - Acme Industries Inc said it agreed to\n"
        + "acquire the specialty chemicals unit of Borden Chemical Co for\n"
        + "about 120 mln dlrs in cash.\n"
        + "    The company said the unit had sales of about 95 mln dlrs\n"
        + "last year.\n"
        + " Reuter\n";

    ExtractedPage page = extractor.extract(text, null);

    assertThat(page.paragraphs()).containsExactly(
        "NEW YORK, March 3 - Acme Industries Inc said it agreed to acquire the specialty chemicals unit of "
            + "Borden Chemical Co for about 120 mln dlrs in cash.",
        "The company said the unit had sales of about 95 mln dlrs last year.");
  }

  @Test
  void keepsTheTableRowsOfResultsCopy() {
    String text = "TORONTO, Mar 5 -\n    Shr 33p vs 38p\n    Net 97 mln vs 111 mln\n    Revs 1.71 billion vs 1.76 billion\n"
        + " Reuter\n";

    ExtractedPage page = extractor.extract(text, null);

    assertThat(page.paragraphs()).containsExactly("TORONTO, Mar 5 -", "Shr 33p vs 38p", "Net 97 mln vs 111 mln",
        "Revs 1.71 billion vs 1.76 billion");
  }

  @Test
  void takesAuthorsFromTheBylineAndLeavesItOutOfTheBody() {
    String text = "Senegal's president calls early vote\n\nBy BABACAR DIONE and CARLEY PETESCH\n\n"
        + "DAKAR, Senegal (AP) — Senegal's president on Thursday called an early presidential election for June.\n";

    ExtractedPage page = extractor.extract(text, null);

    assertThat(page.authors()).containsExactly("Babacar Dione", "Carley Petesch");
    assertThat(page.paragraphs()).hasSize(1);
  }

  @Test
  void readsThePublicationTimeOnlyWhenItCarriesAZone() {
    ExtractedPage zoned = extractor.extract("Headline of the story here\n\nPublished 2021-07-12T21:30:00+02:00\n\n"
        + "The story starts here and goes on for a while, as stories do.\n", null);
    ExtractedPage local = extractor.extract("Headline of the story here\n\nPublié le 2017-10-18 à 22:55\n\n"
        + "L'histoire commence ici et continue un moment, comme toutes les histoires.\n", null);

    assertThat(zoned.published()).isEqualTo(java.time.Instant.parse("2021-07-12T19:30:00Z"));
    assertThat(local.published()).isNull();
  }

  @Test
  void returnsNoParagraphsForChromeOnly() {
    ExtractedPage page = extractor.extract("Share\n\nRSS\n\nT+ | T-\n", null);

    assertThat(page.paragraphs()).isEqualTo(List.of());
  }
}
