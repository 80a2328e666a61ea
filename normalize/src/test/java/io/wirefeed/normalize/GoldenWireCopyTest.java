package io.wirefeed.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden tests: wire copy written in each agency's style and language, with its expected record. */
public class GoldenWireCopyTest {
  private static final Normalizer NORMALIZER = new Normalizer();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"xinhua-fr-page", "xinhua-en", "xinhua-es", "afp-fr", "afp-en", "reuters-en",
      "reuters-archive-en", "reuters-html", "ap-en", "efe-es", "dpa-de", "ansa-it", "lusa-pt", "tass-en",
      "no-dateline-fr", "new-year-en"})
  void normalizesWireCopyToItsExpectedRecord(String name) {
    JsonNode expected = readJson("wire/" + name + ".expected.json");
    boolean html = expected.get("format").asText().equals("html");
    String input = read("wire/" + name + (html ? ".html" : ".txt"));
    Instant published = OffsetDateTime.parse(expected.get("published").asText()).toInstant();
    RawDocument raw = new RawDocument(name, expected.get("url").asText(), published.plusSeconds(600), 200,
        html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", input, "golden",
        new FeedEntry(name, null, expected.get("url").asText(), published, null, List.of()), null, null);

    Outcome<Article> outcome = NORMALIZER.normalize(raw);

    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    Article article = ((Outcome.Accepted<Article>) outcome).value();
    assertDateline(article, expected.get("dateline"));
    assertThat(article.source().agency()).as("source agency").isEqualTo(text(expected, "agency"));
    if (expected.has("site")) {
      assertThat(article.source().site()).isEqualTo(text(expected, "site"));
    }
    assertThat(article.creditedSources()).extracting(CreditedSource::name).as("credited sources")
        .containsExactlyElementsOf(strings(expected.get("credited")));
    assertThat(article.creditedSources()).allSatisfy(c -> assertThat(article.body()).contains(c.text()));
    assertThat(article.language()).as("language").isEqualTo(text(expected, "language"));
    if (expected.has("headline")) {
      assertThat(article.headline()).as("headline").isEqualTo(text(expected, "headline"));
    }
    if (expected.has("authors")) {
      assertThat(article.authors()).containsExactlyElementsOf(strings(expected.get("authors")));
    }
    if (expected.has("canonicalUrl")) {
      assertThat(article.canonicalUrl()).isEqualTo(text(expected, "canonicalUrl"));
    }
    if (expected.has("pagePublished")) {
      assertThat(article.published()).isEqualTo(Instant.parse(text(expected, "pagePublished")));
    }
    if (expected.has("paragraphs")) {
      assertThat(article.paragraphs()).hasSize(expected.get("paragraphs").asInt());
    }
    assertThat(article.body()).as("body start").startsWith(text(expected, "bodyStartsWith"));
    if (expected.has("bodyEndsWith")) {
      assertThat(article.body()).as("body end").endsWith(text(expected, "bodyEndsWith"));
    }
    for (String chrome : strings(expected.get("bodyMustNot"))) {
      assertThat(article.body()).as("body without chrome").doesNotContain(chrome);
    }
    assertThat(article.body()).isEqualTo(String.join("\n\n", article.paragraphs()));
  }

  private static void assertDateline(Article article, JsonNode expected) {
    if (expected == null || expected.isNull()) {
      assertThat(article.dateline()).as("dateline").isNull();
      return;
    }
    assertThat(article.dateline()).as("dateline").isNotNull();
    assertThat(article.dateline().text()).isEqualTo(text(expected, "text"));
    assertThat(article.dateline().place()).isEqualTo(text(expected, "place"));
    assertThat(article.dateline().qualifier()).isEqualTo(text(expected, "qualifier"));
    String date = text(expected, "date");
    assertThat(article.dateline().date()).isEqualTo(date == null ? null : LocalDate.parse(date));
    assertThat(article.dateline().agency()).isEqualTo(text(expected, "agency"));
    assertThat(article.body()).doesNotContain(article.dateline().text());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  public static String read(String resource) {
    try (InputStream in = GoldenWireCopyTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(String resource) {
    try {
      return WireJson.mapper().readTree(read(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
