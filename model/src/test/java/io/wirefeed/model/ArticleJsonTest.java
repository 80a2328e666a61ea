package io.wirefeed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

  static Article sample() {
    return new Article("a1", 1, "r1", "http://x/1", "http://x/c1", "fr", "Titre", null,
        "Corps.", List.of("Corps."),
        new Dateline("DAMAS, 18 octobre (Xinhua) --", "Damas", null, LocalDate.of(2017, 10, 18), "Xinhua"),
        new Source("Xinhua", "french.xinhuanet.com"),
        List.of(new CreditedSource("SANA", "a rapporté l'agence de presse SANA")),
        List.of(new Quote("un rôle clé", "Ali Ayoub", "estimant", QuoteKind.PARTIAL, 4)),
        Instant.parse("2017-10-18T14:55:00Z"), null, Instant.parse("2017-10-18T15:00:00Z"),
        List.of("Rami Haddad"), List.of("monde"), "Xinhua", null, "h", "URGENT - Titre",
        new Editorial(EditorialStatus.USABLE, 3, 2, false, false, List.of("EXCLUSIVE"), null, "Eds: adds quote",
            null),
        List.of(new Byline("Rami Haddad", BylineRole.WRITER), new Byline("Lina Saab", BylineRole.EDITING)),
        "st-1");
  }

  @Test
  void firstRoundConstructorGivesPlainEditorialAndHeadlineAsPrinted() {
    Article a = new Article("a1", 1, "r1", null, null, "fr", "Titre", null, "Corps.", List.of("Corps."), null,
        null, List.of(), List.of(), null, null, null, List.of(), List.of(), null, null, "h");
    assertThat(a.headlineAsPrinted()).isEqualTo("Titre");
    assertThat(a.editorial().status()).isEqualTo(EditorialStatus.USABLE);
    assertThat(a.editorial().isPlain()).isTrue();
    assertThat(a.bylines()).isEmpty();
    assertThat(a.storyId()).isNull();
    assertThat(a.withStoryId("s9").withVersion(2).storyId()).isEqualTo("s9");
  }

  @Test
  void editorialAndBylinesSerializeWithWireNames() {
    JsonNode json = WireJson.mapper().valueToTree(sample());
    assertThat(json.get("editorial").get("status").asText()).isEqualTo("usable");
    assertThat(json.get("editorial").get("urgency").asInt()).isEqualTo(3);
    assertThat(json.get("bylines").get(1).get("role").asText()).isEqualTo("editing");
    assertThat(new Byline("A", BylineRole.ADDITIONAL_REPORTING).role().wireName())
        .isEqualTo("additional-reporting");
    assertThatThrownBy(() -> new Editorial(EditorialStatus.USABLE, 9, null, false, false, null, null, null, null))
        .hasMessageContaining("9");
    assertThatThrownBy(() -> new Byline(" ", BylineRole.WRITER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serializesContractFieldNamesInCamelCaseWithIsoDates() throws Exception {
    JsonNode json = WireJson.mapper().valueToTree(sample());
    assertThat(json.get("dateline").get("date").asText()).isEqualTo("2017-10-18");
    assertThat(json.get("published").asText()).isEqualTo("2017-10-18T14:55:00Z");
    assertThat(json.get("quotes").get(0).get("kind").asText()).isEqualTo("partial");
    assertThat(json.get("creditedSources").get(0).get("name").asText()).isEqualTo("SANA");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    for (String f : List.of("id", "version", "rawId", "url", "canonicalUrl", "language", "headline", "summary",
        "body", "paragraphs", "dateline", "source", "creditedSources", "quotes", "published", "updated",
        "fetchedAt", "authors", "categories", "contentHash", "headlineAsPrinted", "editorial", "bylines",
        "storyId")) {
      assertThat(json.has(f)).as(f).isTrue();
    }
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    String s = WireJson.mapper().writeValueAsString(sample());
    assertThat(WireJson.mapper().readValue(s, Article.class)).isEqualTo(sample());
  }

  @Test
  void rawDocumentAcceptsOffsetTimesAndUnknownFields() throws Exception {
    RawDocument raw = WireJson.mapper().readValue(
        "{\"id\":\"x\",\"body\":\"b\",\"extra\":1,\"feedEntry\":{\"published\":\"2017-10-18T22:55:00+08:00\"}}",
        RawDocument.class);
    assertThat(raw.feedEntry().published()).isEqualTo(Instant.parse("2017-10-18T14:55:00Z"));
    assertThat(raw.feedEntry().categories()).isEmpty();
  }

  @Test
  void rejectsInvalidValuesWithTheValueInTheMessage() {
    assertThatThrownBy(() -> sample().withVersion(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new Quote("x", null, null, QuoteKind.DIRECT, -1)).hasMessageContaining("-1");
  }
}
