package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Article;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteKind;
import io.wirefeed.model.QuoteRecord;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What one step writes, without a broker: the article, its routed copies and its quote records. */
class ArticleRecordsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-03T12:00:00Z"), ZoneOffset.UTC);
  private static final Topics TOPICS = Topics.withPrefix("t.");
  private static final Dateline NIAMEY =
      new Dateline("NIAMEY, 3 juin (AFP) --", "Niamey", null, LocalDate.of(2024, 6, 3), "AFP");
  private static final Article ARTICLE = Fixtures.article("art-niamey", "fr", new Source("AFP", "afp.example"),
      NIAMEY, List.of("Afrique", "Environnement"), List.of(
          new Quote("nous n'avons rien pu sauver", "Aïssa Moussa", "a raconté", QuoteKind.DIRECT, 1),
          new Quote("exceptionnelle par sa précocité", null, null, QuoteKind.PARTIAL, 2)));

  private final JsonSerde<RawDocument> rawSerde = JsonSerde.of(RawDocument.class);
  private final JsonSerde<QuoteRecord> quoteSerde = JsonSerde.of(QuoteRecord.class);

  private Step publishStep(boolean quotes) {
    RecordHandler handler = new RecordHandler(raw -> Outcome.accepted(ARTICLE), CLOCK, quotes);
    RawDocument raw = Fixtures.raw("afp-niamey-fr.json");
    return handler.handle(new ConsumerRecord<>("t.wirefeed.raw.v1", 0, 7L, raw.id(), rawSerde.serialize("t", raw)),
        id -> null);
  }

  @Test
  void routedCopiesCarryTheArticlesKeyValueAndHeadersOncePerTopic() {
    ArticleRecords records = new ArticleRecords(TOPICS, List.of(
        new RouteRule("language", "fr", "wirefeed.articles.fr.v1"),
        new RouteRule("category", "afrique", "wirefeed.articles.fr.v1"),
        new RouteRule("agency", "afp", "wirefeed.articles.afp.v1"),
        new RouteRule("language", "en", "wirefeed.articles.en.v1")));

    List<ProducerRecord<String, byte[]>> out = records.of(publishStep(false));

    assertThat(out).extracting(ProducerRecord::topic).containsExactly(
        "t.wirefeed.articles.v1", "t.wirefeed.articles.fr.v1", "t.wirefeed.articles.afp.v1");
    ProducerRecord<String, byte[]> article = out.get(0);
    assertThat(headers(article)).containsExactly("wirefeed-schema-version=1", "wirefeed-agency=AFP",
        "wirefeed-language=fr", "content-type=application/json");
    for (ProducerRecord<String, byte[]> copy : out.subList(1, out.size())) {
      assertThat(copy.key()).isEqualTo("art-niamey");
      assertThat(copy.value()).isEqualTo(article.value());
      assertThat(headers(copy)).isEqualTo(headers(article));
      assertThat(copy.headers()).isNotSameAs(article.headers());
    }
  }

  @Test
  void eachQuoteBecomesARecordKeyedByArticleIdAndIndexWithItsSpeakerHeader() {
    List<ProducerRecord<String, byte[]>> out = new ArticleRecords(TOPICS, List.of()).of(publishStep(true));

    List<ProducerRecord<String, byte[]>> quotes =
        out.stream().filter(r -> r.topic().equals("t.wirefeed.quotes.v1")).toList();
    assertThat(quotes).extracting(ProducerRecord::key).containsExactly("art-niamey:0", "art-niamey:1");
    assertThat(headers(quotes.get(0))).containsExactly("wirefeed-schema-version=1", "wirefeed-agency=AFP",
        "wirefeed-language=fr", "content-type=application/json", "wirefeed-speaker=Aïssa Moussa");
    assertThat(headers(quotes.get(1))).noneMatch(h -> h.startsWith("wirefeed-speaker"));
    assertThat(quoteSerde.deserialize("q", quotes.get(0).value())).isEqualTo(new QuoteRecord("art-niamey", 1, 0,
        "nous n'avons rien pu sauver", "Aïssa Moussa", "a raconté", "direct", 1, "NIAMEY, 3 juin (AFP) --",
        "Niamey", LocalDate.of(2024, 6, 3), "AFP", "fr", "https://wire.example/art-niamey", null));
    assertThat(quoteSerde.deserialize("q", quotes.get(1).value()))
        .extracting(QuoteRecord::index, QuoteRecord::kind, QuoteRecord::speaker)
        .containsExactly(1, "partial", null);
  }

  @Test
  void quotesOffWritesNoQuoteRecords() {
    List<ProducerRecord<String, byte[]>> out = new ArticleRecords(TOPICS, List.of()).of(publishStep(false));

    assertThat(out).extracting(ProducerRecord::topic).containsExactly("t.wirefeed.articles.v1");
  }

  @Test
  void unchangedWritesNothingAndADeadLetterOnlyTheDeadLetter() {
    ArticleRecords records = new ArticleRecords(TOPICS, List.of(new RouteRule("language", "fr", "fr.v1")));
    RecordHandler handler = new RecordHandler(Fixtures::fakeNormalize, CLOCK, true);

    Step unchanged = new Step.Unchanged(ARTICLE);
    Step dead = handler.handle(new ConsumerRecord<>("t.wirefeed.raw.v1", 0, 8L, "bad", null), id -> null);

    assertThat(records.of(unchanged)).isEmpty();
    assertThat(records.of(dead)).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEqualTo("t.wirefeed.dlq.v1");
      assertThat(headers(r)).contains("wirefeed-stage=decode");
    });
  }

  private static List<String> headers(ProducerRecord<String, byte[]> r) {
    return java.util.Arrays.stream(r.headers().toArray())
        .map(ArticleRecordsTest::render)
        .toList();
  }

  private static String render(Header h) {
    return h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8);
  }
}
