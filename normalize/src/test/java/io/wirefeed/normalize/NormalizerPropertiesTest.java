package io.wirefeed.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Article;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The normalizer never throws and stays fast, whatever it is fed. */
class NormalizerPropertiesTest {
  private static final Normalizer NORMALIZER = new Normalizer();
  /** Generous: the suite shares two cores; linear code needs a small fraction of this. */
  private static final Duration BIG_INPUT_LIMIT = Duration.ofSeconds(5);

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll("wireLikeText") String body, @ForAll("contentTypes") String contentType) {
    Outcome<Article> outcome = NORMALIZER.normalize(raw(contentType, body));

    assertThat(outcome).isNotNull();
    if (outcome instanceof Outcome.Accepted<Article> accepted) {
      assertThat(accepted.value().body()).isEqualTo(String.join("\n\n", accepted.value().paragraphs()));
      assertThat(accepted.value().paragraphs()).isNotEmpty();
    }
  }

  @Example
  void rejectsEmptyInput() {
    assertThat(NORMALIZER.normalize(raw("text/plain", ""))).isInstanceOf(Outcome.Rejected.class);
  }

  @Example
  void rejectsBinaryInput() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append((char) ((i * 7919) % 256));
    }
    assertThat(NORMALIZER.normalize(raw("text/html", sb.toString()))).isInstanceOf(Outcome.Rejected.class);
  }

  @Example
  void staysFastOnAHundredThousandQuoteMarks() {
    for (String mark : new String[] {"\"", "“", "”", "«", "»", "„", "'", "« "}) {
      assertFast(mark.repeat(100_000));
    }
  }

  @Example
  void staysFastOnUnbalancedQuoteMarks() {
    assertFast(("« Il a dit \"oui “ mais » non „ ja ").repeat(20_000));
    assertFast("PARIS (AFP) - \"" + "word ".repeat(200_000));
  }

  @Example
  void staysFastOnOneHugeLine() {
    assertFast("DAMAS, 18 octobre (Xinhua) -- " + "Le général a rapporté l'agence de presse SANA selon. ".repeat(40_000));
    assertFast("NEW YORK ".repeat(200_000));
    assertFast("A".repeat(2_000_000));
  }

  @Example
  void staysFastOnManyShortLinesOfChrome() {
    assertFast("Share\nT+ | T-\nRSS\n\n".repeat(50_000));
  }

  @Example
  void staysFastOnDeeplyNestedHtml() {
    String html = "<html><body>" + "<div>".repeat(20_000) + "<p>PARIS (AFP) - Texte.</p>" + "</div>".repeat(20_000)
        + "</body></html>";
    long start = System.nanoTime();

    Outcome<Article> outcome = NORMALIZER.normalize(raw("text/html", html));

    assertThat(outcome).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BIG_INPUT_LIMIT);
  }

  @Provide
  Arbitrary<String> wireLikeText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withChars("\"“”«»„‘’'()-–—.,:;/|\n \u00A0").ofMaxLength(40),
        Arbitraries.of("DAMAS, 18 octobre (Xinhua) --", "(ANSA) - ROMA, 20 AGO -", "MOSCOW, October 18. /TASS/.",
            "Madrid, 18 oct (EFE).-", "a rapporté l'agence de presse", "according to state news agency",
            "wie die Nachrichtenagentur", " said ", " a déclaré ", "Reporting by", "©", "Publié le 2017-10-18",
            "<p>", "</p>", "<html>", "<body>", "\n\n", "    ", "Reuter", "T+ | T-", "By AFP"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(w -> w + " "));
    return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("text/plain; charset=utf-8", "text/html; charset=utf-8", "application/xhtml+xml", "");
  }

  private static void assertFast(String body) {
    for (String type : new String[] {"text/plain", "text/html"}) {
      long start = System.nanoTime();

      Outcome<Article> outcome = NORMALIZER.normalize(raw(type, body));

      assertThat(outcome).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(type).isLessThan(BIG_INPUT_LIMIT);
    }
  }

  private static RawDocument raw(String contentType, String body) {
    return new RawDocument("prop", "https://example.org/x", Instant.parse("2020-01-01T00:00:00Z"), 200,
        contentType.isEmpty() ? null : contentType, body, null, null, null, null);
  }
}
