package io.wirefeed.normalize.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Quote;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated and pathological input: the extractor never throws, stays bounded and stays linear. */
class QuoteExtractorPropertiesTest {
  private static final String MARKS = "\"“”„‚‘’«»‹›「」『』—–";
  private static final List<String> LANGUAGES = List.of("en", "fr", "es", "de", "pt", "it");

  private final QuoteExtractor extractor = new QuoteExtractor();

  @Provide
  Arbitrary<List<String>> wireParagraphs() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "\"",
                "“",
                "”",
                "„",
                "‚",
                "‘",
                "’",
                "«",
                "»",
                "‹",
                "›",
                "「",
                "」",
                "—",
                "–",
                " - ",
                ",",
                ".",
                ":",
                " ",
                "\u00a0",
                "\u202f",
                "said",
                "says",
                "told",
                "he",
                "she",
                "a déclaré",
                "a-t-il ajouté",
                "a-t-elle",
                "dijo",
                "según",
                "sagte",
                "er",
                "fügte",
                "hinzu",
                "disse",
                "ha detto",
                "selon",
                "according to",
                "the ministry",
                "le général",
                "Ali",
                "Hneiti",
                "John",
                "Smith",
                "Mme",
                "Dr.",
                "Herr",
                "ajoutant",
                "adding",
                "(",
                ")",
                "'s",
                "l'",
                "qui",
                "who",
                "that",
                "de",
                "of"),
            Arbitraries.strings().ofMaxLength(12));
    Arbitrary<String> paragraph = pieces.list().ofMaxSize(60).map(p -> String.join(" ", p));
    return paragraph.list().ofMaxSize(8);
  }

  @Property(tries = 200)
  void readsGeneratedWireCopyWithoutErrorsAndReturnsWellFormedQuotes(
      @ForAll("wireParagraphs") List<String> paragraphs, @ForAll("languages") String language) {
    // The document reader itself, not the entry point: a defect must surface here, not be
    // swallowed.
    List<Quote> quotes =
        new QuoteDocument(paragraphs, QuoteLanguage.resolve(language, paragraphs)).read();

    int marks = 0;
    for (String p : paragraphs) {
      for (int i = 0; i < p.length(); i++) {
        marks += MARKS.indexOf(p.charAt(i)) >= 0 ? 1 : 0;
      }
    }
    assertThat(quotes).hasSizeLessThanOrEqualTo(marks);
    for (Quote q : quotes) {
      assertThat(q.text()).isNotBlank();
      assertThat(q.paragraph()).isBetween(0, paragraphs.size() - 1);
    }
  }

  @Provide
  Arbitrary<String> languages() {
    return Arbitraries.of(LANGUAGES).injectNull(0.2);
  }

  @Property(tries = 200)
  void readsArbitraryUnicodeWithoutErrors(
      @ForAll List<@net.jqwik.api.constraints.NotEmpty String> paragraphs) {
    List<Quote> quotes = new QuoteDocument(paragraphs, QuoteLanguage.guess(paragraphs)).read();

    assertThat(quotes).allSatisfy(q -> assertThat(q.paragraph()).isLessThan(paragraphs.size()));
  }

  /**
   * Runs {@code work} on this thread and returns its result, failing when it used more than {@code
   * limit} of CPU. CPU time, not wall time: the build machine is shared, and a quadratic algorithm
   * on these inputs would take hours, not seconds.
   */
  private static <T> T withinCpu(Duration limit, Supplier<T> work) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    T result = work.get();
    Duration used = Duration.ofNanos(cpu.getCurrentThreadCpuTime() - start);
    assertThat(used).as("CPU time").isLessThan(limit);
    return result;
  }

  @Example
  void handlesOneHundredThousandQuoteMarksInLinearTime() {
    List<String> inputs =
        List.of(
            "\"".repeat(100_000),
            "« ".repeat(100_000),
            "\"a\" ".repeat(50_000),
            "“Nous sommes prêts, a-t-il dit. ".repeat(20_000),
            "„‚".repeat(50_000));
    for (String input : inputs) {
      List<Quote> quotes =
          withinCpu(Duration.ofSeconds(3), () -> extractor.extract(List.of(input), null));
      assertThat(quotes).hasSizeLessThanOrEqualTo(100_000);
    }
  }

  @Example
  void handlesAFiveMegabyteLineOfWireCopyInLinearTime() {
    String sentence =
        "Le ministre portugais de la Défense, Nuno Melo, a reçu jeudi à Lisbonne son homologue"
            + " espagnol, Margarita Robles, pour évoquer la coopération navale entre les deux pays"
            + " et la surveillance de l'Atlantique. Le ministre Melo a déclaré que « les deux"
            + " marines patrouilleront ensemble dès l'été », a-t-il précisé devant la presse. Lors"
            + " de la rencontre, les deux délégations ont aussi examiné les programmes d'achat"
            + " communs, a indiqué le ministère portugais dans un communiqué, qui précise que les"
            + " entretiens ont porté sur la formation des équipages et l'échange de renseignements."
            + " ";
    String line = sentence.repeat(5_000_000 / sentence.length() + 1);

    List<Quote> quotes =
        withinCpu(Duration.ofSeconds(10), () -> extractor.extract(List.of(line), "fr"));

    int expected = 5_000_000 / sentence.length() + 1;
    assertThat(quotes).hasSize(expected);
    assertThat(quotes.stream().filter(q -> "Nuno Melo".equals(q.speaker())).count())
        .isEqualTo(expected);
  }

  @Example
  void handlesAFiveMegabyteQuotationAndManyParagraphs() {
    String quote = "\"" + "word ".repeat(1_000_000) + "\", said John Smith.";
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      paragraphs.add("“Nous sommes prêts à tout, a-t-il dit à Paris.");
    }

    List<Quote> one =
        withinCpu(Duration.ofSeconds(3), () -> extractor.extract(List.of(quote), "en"));
    List<Quote> many = withinCpu(Duration.ofSeconds(3), () -> extractor.extract(paragraphs, "fr"));

    assertThat(one).singleElement().satisfies(q -> assertThat(q.speaker()).isEqualTo("John Smith"));
    assertThat(many).singleElement().satisfies(q -> assertThat(q.paragraph()).isZero());
  }
}
