package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Article;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordHandlerTest {
  private static final Instant NOW = Instant.parse("2024-06-01T08:00:00Z");
  private static final Function<String, ArticleVersions.Known> NOTHING_KNOWN = id -> null;

  private final RecordHandler handler =
      new RecordHandler(Fixtures::fakeNormalize, Clock.fixed(NOW, ZoneOffset.UTC), true);
  private final JsonSerde<RawDocument> rawSerde = JsonSerde.of(RawDocument.class);

  @Test
  void newArticleGetsVersionOne() {
    Step step = handler.handle(record("afp-1", rawSerde.serialize("raw", Fixtures.raw("afp-dakar-fr.json"))),
        NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.Publish.class, p -> {
      assertThat(p.article().id()).isEqualTo("art-afp-fr-2024-0412-dakar-port");
      assertThat(p.article().version()).isEqualTo(1);
      assertThat(new String(p.json(), StandardCharsets.UTF_8)).contains("\"version\":1");
    });
  }

  @Test
  void sameContentHashAsLatestVersionIsUnchanged() {
    RawDocument doc = Fixtures.raw("ap-lima-en.json");
    String hash = ((Outcome.Accepted<Article>) Fixtures.fakeNormalize(doc)).value().contentHash();

    Step step = handler.handle(record(doc.id(), rawSerde.serialize("raw", doc)),
        id -> new ArticleVersions.Known(hash, 4));

    assertThat(step).isInstanceOfSatisfying(Step.Unchanged.class,
        u -> assertThat(u.article().version()).isEqualTo(4));
  }

  @Test
  void changedContentGetsNextVersion() {
    RawDocument doc = Fixtures.raw("ap-lima-en.json");

    Step step = handler.handle(record(doc.id(), rawSerde.serialize("raw", doc)),
        id -> new ArticleVersions.Known("an-older-hash", 2));

    assertThat(step).isInstanceOfSatisfying(Step.Publish.class,
        p -> assertThat(p.article().version()).isEqualTo(3));
  }

  @Test
  void undecodableValueIsDeadLetteredAtDecodeWithItsPosition() {
    Step step = handler.handle(record("ap-9", "<html>not json".getBytes(StandardCharsets.UTF_8)), NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.DeadLettered.class, d -> {
      assertThat(d.letter().documentId()).isEqualTo("ap-9");
      assertThat(d.letter().stage()).isEqualTo("decode");
      assertThat(d.letter().reason()).contains("RawDocument").contains("raw-0@17");
      assertThat(d.letter().at()).isEqualTo(NOW);
      assertThat(d.letter().raw()).isNull();
    });
  }

  @Test
  void tombstoneWithoutKeyIsDeadLetteredUnderItsPosition() {
    Step step = handler.handle(record(null, null), NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.DeadLettered.class, d -> {
      assertThat(d.letter().documentId()).isEqualTo("raw-0@17");
      assertThat(d.letter().reason()).contains("tombstone");
    });
  }

  @Test
  void rejectionKeepsStageReasonAndRawDocument() {
    RawDocument empty = Fixtures.withBody(Fixtures.raw("ap-lima-en.json"), "  ");

    Step step = handler.handle(record(empty.id(), rawSerde.serialize("raw", empty)), NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.DeadLettered.class, d -> {
      assertThat(d.letter().stage()).isEqualTo("normalize");
      assertThat(d.letter().reason()).isEqualTo("Empty body: nothing to extract");
      assertThat(d.letter().url()).isEqualTo(empty.url());
      assertThat(d.letter().raw()).isEqualTo(empty);
    });
  }

  @Test
  void normalizerExceptionIsCaughtAndDeadLettered() {
    RawDocument boom = Fixtures.withBody(Fixtures.raw("ap-lima-en.json"), "BOOM");

    Step step = handler.handle(record(boom.id(), rawSerde.serialize("raw", boom)), NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.DeadLettered.class, d -> {
      assertThat(d.letter().stage()).isEqualTo("normalize");
      assertThat(d.letter().reason()).contains("IllegalStateException").contains("extractor blew up");
    });
  }

  @Test
  void articleOverTheSizeLimitIsDeadLetteredAtPublish() {
    RawDocument huge = Fixtures.withBody(Fixtures.raw("ap-lima-en.json"), "quake ".repeat(200_000));

    Step step = handler.handle(record(huge.id(), rawSerde.serialize("raw", huge)), NOTHING_KNOWN);

    assertThat(step).isInstanceOfSatisfying(Step.DeadLettered.class, d -> {
      assertThat(d.letter().stage()).isEqualTo("publish");
      assertThat(d.letter().reason()).contains("too large");
    });
  }

  private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
    return new ConsumerRecord<>("raw", 0, 17L, key, value);
  }
}
