package io.wirefeed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.wirefeed.model.kafka.ArticleDeserializer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Pins the wire format downstream teams build on: golden JSON, the shipped JSON Schema, the Kafka deserializer. */
class ArticleContractTest {

  static JsonSchema schema() throws Exception {
    try (InputStream in = Article.class.getResourceAsStream("/io/wirefeed/model/article.schema.json")) {
      assertThat(in).as("schema shipped in the jar").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  static String golden() throws Exception {
    try (InputStream in = ArticleContractTest.class.getResourceAsStream("/golden/article-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void serializesExactlyAsTheGoldenFile() throws Exception {
    JsonNode expected = WireJson.mapper().readTree(golden());
    JsonNode actual = WireJson.mapper().valueToTree(ArticleJsonTest.sample());
    assertThat(actual).isEqualTo(expected);
    // Field order is part of what humans read in kcat output: keep it stable too.
    List<String> expectedNames = iterate(expected);
    assertThat(iterate(actual)).containsExactlyElementsOf(expectedNames);
  }

  @Test
  void goldenFileReadsBackIntoTheSameRecord() throws Exception {
    assertThat(WireJson.mapper().readValue(golden(), Article.class)).isEqualTo(ArticleJsonTest.sample());
  }

  @Test
  void recordsValidateAgainstTheShippedSchema() throws Exception {
    JsonSchema schema = schema();
    assertThat(schema.validate(WireJson.mapper().valueToTree(ArticleJsonTest.sample()))).isEmpty();
    Article bare = new Article("x", 1, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    assertThat(schema.validate(WireJson.mapper().valueToTree(bare))).isEmpty();
  }

  @Test
  void schemaRejectsARecordThatBreaksTheContract() throws Exception {
    JsonNode broken = WireJson.mapper().valueToTree(ArticleJsonTest.sample());
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("quotes").get(0)).put("kind", "indirect");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("dateline");
    assertThat(schema().validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void kafkaDeserializerReadsArticlesAndReportsBadBytes() throws Exception {
    try (ArticleDeserializer d = new ArticleDeserializer()) {
      assertThat(d.deserialize("t", golden().getBytes(StandardCharsets.UTF_8))).isEqualTo(ArticleJsonTest.sample());
      assertThat(d.deserialize("t", null)).isNull();
      assertThatThrownBy(() -> d.deserialize("wirefeed.articles.v1", "{not json".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SerializationException.class).hasMessageContaining("wirefeed.articles.v1");
    }
  }

  private static List<String> iterate(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
