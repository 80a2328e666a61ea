package io.wirefeed.normalize.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirefeed.model.Quote;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden tests: wire copy written for the project in six languages, with the quotes expected. */
class QuoteExtractorGoldenTest {
  /** One fixture file of {@code src/test/resources/quotes/}. */
  record Fixture(String name, String language, List<String> paragraphs, List<Quote> quotes) {}

  private static final ObjectMapper JSON = WireJson.mapper();

  private final QuoteExtractor extractor = new QuoteExtractor();

  static Stream<String> fixtures() {
    return Stream.of(
        "fr-afp-diplomatie",
        "fr-xinhua-militaire",
        "en-ap-diplomacy",
        "en-reuters-markets",
        "es-efe-economia",
        "de-dpa-politik",
        "pt-lusa-politica",
        "it-ansa-governo",
        "fr-afp-social",
        "es-xinhua-argentina",
        "de-dpa-opposition",
        "it-ansa-politica",
        "pt-agencia-brasil",
        "marks-conventions",
        "not-quotes-en",
        "not-quotes-fr");
  }

  static Fixture load(String name) {
    try (InputStream in =
        QuoteExtractorGoldenTest.class.getResourceAsStream("/quotes/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("Missing fixture: " + name);
      }
      return JSON.readValue(in, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable fixture: " + name, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extractsExpectedQuotesSpeakersVerbsAndKinds(String fixture) {
    Fixture f = load(fixture);

    List<Quote> quotes = extractor.extract(f.paragraphs(), f.language());

    assertThat(quotes).as(f.name()).containsExactlyElementsOf(f.quotes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findsTheSameQuotesWhenTheLanguageIsGuessedFromTheText(String fixture) {
    Fixture f = load(fixture);

    List<Quote> quotes = extractor.extract(f.paragraphs(), null);

    assertThat(quotes).as(f.name()).containsExactlyElementsOf(f.quotes());
  }
}
