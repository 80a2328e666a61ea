package io.wirefeed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the wire format of {@code wirefeed.quotes.v1} records. */
class QuoteRecordJsonTest {

  static QuoteRecord sample() {
    return new QuoteRecord("art-xinhua-fr-2017-1018-damas", 2, 1, "l'expérience accumulée", "Ali Ayoub",
        "a ... évoqué", "partial", 4, "DAMAS, 18 octobre (Xinhua) --", "Damas", LocalDate.of(2017, 10, 18),
        "Xinhua", "fr", "http://french.xinhuanet.com/2017-10/18/c_136688931.htm",
        Instant.parse("2017-10-18T14:55:00Z"));
  }

  static String golden() throws Exception {
    try (InputStream in = QuoteRecordJsonTest.class.getResourceAsStream("/golden/quote-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void serializesTheCamelCaseContractNamesInOrder() throws Exception {
    JsonNode json = WireJson.mapper().valueToTree(sample());

    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("articleId", "articleVersion", "index", "text", "speaker", "verb", "kind",
        "paragraph", "datelineText", "place", "date", "agency", "language", "url", "published");
    assertThat(json).isEqualTo(WireJson.mapper().readTree(golden()));
  }

  @Test
  void writesIsoDatesAndKeepsNullFields() throws Exception {
    QuoteRecord noDateline = new QuoteRecord("a1", 1, 0, "We felt the building sway", null, "said", "direct", 1,
        null, null, null, null, "en", null, null);

    JsonNode json = WireJson.mapper().valueToTree(noDateline);

    assertThat(WireJson.mapper().valueToTree(sample()).get("date").asText()).isEqualTo("2017-10-18");
    assertThat(json.has("speaker")).isTrue();
    assertThat(json.get("speaker").isNull()).isTrue();
    assertThat(json.get("datelineText").isNull()).isTrue();
  }

  @Test
  void goldenFileReadsBackIntoTheSameRecord() throws Exception {
    assertThat(WireJson.mapper().readValue(golden(), QuoteRecord.class)).isEqualTo(sample());
  }

  @Test
  void rejectsAMissingArticleId() {
    assertThatThrownBy(() -> new QuoteRecord(null, 1, 0, "x", null, null, "direct", 0, null, null, null, null,
        null, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("articleId");
  }
}
