package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private final JsonSerde<RawDocument> serde = JsonSerde.of(RawDocument.class);

  @Test
  void roundTripsRawDocumentAsPlainUtf8Json() {
    RawDocument doc = Fixtures.raw("afp-dakar-fr.json");

    byte[] bytes = serde.serialize("wirefeed.raw.v1", doc);

    String json = new String(bytes, StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"id\":\"afp-fr-2024-0412-dakar-port\"")
        .contains("\"fetchedAt\":\"2024-04-12T09:41:07Z\"")
        .contains("sénégalais");
    assertThat(serde.deserialize("wirefeed.raw.v1", bytes)).isEqualTo(doc);
  }

  @Test
  void deadLetterCarriesItsRawDocument() {
    JsonSerde<DeadLetter> letters = JsonSerde.of(DeadLetter.class);
    DeadLetter letter = new DeadLetter("ap-1", "normalize", "no body", Instant.parse("2024-05-19T14:03:00Z"),
        "https://news.example-wire.com/x", Fixtures.raw("ap-lima-en.json"));

    assertThat(letters.deserialize("dlq", letters.serialize("dlq", letter))).isEqualTo(letter);
  }

  @Test
  void nullStaysNullBothWays() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void invalidJsonFailsWithTopicAndParserReason() {
    byte[] garbage = "{\"id\": \"x\", \"url\": ".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserialize("wirefeed.raw.v1", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("wirefeed.raw.v1")
        .hasMessageContaining("RawDocument")
        .hasMessageNotContaining("\n");
  }

  @Test
  void recordThatFailsValidationIsASerializationError() {
    byte[] blankId = "{\"id\": \"  \", \"url\": \"https://a.example/\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserialize("wirefeed.raw.v1", blankId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("blank");
  }
}
