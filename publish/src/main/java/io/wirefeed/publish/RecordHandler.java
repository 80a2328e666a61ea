package io.wirefeed.publish;

import io.wirefeed.model.Article;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteRecord;
import io.wirefeed.model.RawDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides what one raw record becomes: a new article version, nothing (unchanged), or a dead letter. Never
 * throws: whatever goes wrong with a record is that record's dead letter.
 */
final class RecordHandler {
  static final String STAGE_DECODE = "decode";
  static final String STAGE_NORMALIZE = "normalize";
  static final String STAGE_PUBLISH = "publish";

  /**
   * Largest article JSON published: the articles topic keeps the broker's default 1 MB message limit, which
   * downstream consumers are sized for; a bigger one is a normalizer bug worth a dead letter, not a stuck loop.
   */
  static final int MAX_ARTICLE_BYTES = 1_000_000;

  /** A dead letter over the dead-letter topic's limit drops its raw copy (the raw topic still has it). */
  static final int MAX_DEAD_LETTER_BYTES = Topics.LARGE_RECORD_BYTES - 64 * 1024;

  private final Function<RawDocument, Outcome<Article>> normalize;
  private final Clock clock;
  private final boolean quotes;
  private final JsonSerde<RawDocument> rawSerde = JsonSerde.of(RawDocument.class);
  private final JsonSerde<Article> articleSerde = JsonSerde.of(Article.class);
  private final JsonSerde<DeadLetter> letterSerde = JsonSerde.of(DeadLetter.class);
  private final JsonSerde<QuoteRecord> quoteSerde = JsonSerde.of(QuoteRecord.class);

  /** With {@code quotes}, a published article also carries the JSON of one QuoteRecord per quote. */
  RecordHandler(Function<RawDocument, Outcome<Article>> normalize, Clock clock, boolean quotes) {
    this.normalize = normalize;
    this.clock = clock;
    this.quotes = quotes;
  }

  /** The step for {@code r}; {@code known} answers the latest committed-or-staged version of an article id. */
  Step handle(ConsumerRecord<String, byte[]> r, Function<String, ArticleVersions.Known> known) {
    String where = r.topic() + "-" + r.partition() + "@" + r.offset();
    String fallbackId = r.key() != null && !r.key().isBlank() ? r.key() : where;
    if (r.value() == null) {
      return dead(new DeadLetter(fallbackId, STAGE_DECODE, "Empty value (tombstone) at " + where, clock.instant(),
          null, null));
    }
    RawDocument raw;
    try {
      raw = rawSerde.deserialize(r.topic(), r.value());
    } catch (SerializationException e) {
      return dead(new DeadLetter(fallbackId, STAGE_DECODE, e.getMessage() + " (at " + where + ")", clock.instant(),
          null, null));
    }
    Outcome<Article> outcome;
    try {
      outcome = normalize.apply(raw);
    } catch (RuntimeException | StackOverflowError e) {
      // A normalizer bug on one document must not stop the service or lose the document.
      return dead(letter(raw, STAGE_NORMALIZE, "Normalizer failed: " + e));
    }
    if (outcome == null) {
      return dead(letter(raw, STAGE_NORMALIZE, "Normalizer returned no outcome"));
    }
    if (outcome instanceof Outcome.Rejected<Article> rejected) {
      return dead(letter(raw, rejected.stage(), rejected.reason()));
    }
    Article article = ((Outcome.Accepted<Article>) outcome).value();
    return versioned(raw, article, known.apply(article.id()));
  }

  private Step versioned(RawDocument raw, Article article, ArticleVersions.Known known) {
    String hash = ArticleVersions.hashOf(article);
    if (known != null && known.contentHash().equals(hash)) {
      return new Step.Unchanged(article.withVersion(known.version()));
    }
    Article next = article.withVersion(known == null ? 1 : known.version() + 1);
    byte[] json;
    List<byte[]> quoteJson = new ArrayList<>();
    try {
      json = articleSerde.serialize(null, next);
      // Serialized here, before the transaction, so a failure is this record's dead letter, not an abort loop.
      // No size check: a quote record holds a subset of the article's strings, so it is smaller than the article.
      for (int i = 0; quotes && i < next.quotes().size(); i++) {
        quoteJson.add(quoteSerde.serialize(null, quoteRecord(next, i)));
      }
    } catch (SerializationException e) {
      return dead(letter(raw, STAGE_PUBLISH, e.getMessage()));
    }
    if (json.length > MAX_ARTICLE_BYTES) {
      return dead(letter(raw, STAGE_PUBLISH, String.format(Locale.ROOT,
          "Article %s is too large to publish: %d bytes of JSON (limit %d)", next.id(), json.length,
          MAX_ARTICLE_BYTES)));
    }
    return new Step.Publish(next, hash, json, quoteJson);
  }

  /** Quote {@code i} of {@code a}, flattened with what a quote-tracking consumer needs of the article. */
  static QuoteRecord quoteRecord(Article a, int i) {
    Quote q = a.quotes().get(i);
    Dateline d = a.dateline();
    return new QuoteRecord(a.id(), a.version(), i, q.text(), q.speaker(), q.verb(), q.kind().wireName(),
        q.paragraph(), d == null ? null : d.text(), d == null ? null : d.place(), d == null ? null : d.date(),
        Headers.agency(a), a.language(), a.url(), a.published());
  }

  private DeadLetter letter(RawDocument raw, String stage, String reason) {
    return new DeadLetter(raw.id(), stage, reason, clock.instant(), raw.url(), raw);
  }

  private Step dead(DeadLetter letter) {
    byte[] json = letterSerde.serialize(null, letter);
    if (json.length > MAX_DEAD_LETTER_BYTES && letter.raw() != null) {
      DeadLetter slim = new DeadLetter(letter.documentId(), letter.stage(),
          letter.reason() + " (raw document omitted: " + json.length + " bytes; it is on the raw topic)",
          letter.at(), letter.url(), null);
      return new Step.DeadLettered(slim, letterSerde.serialize(null, slim));
    }
    return new Step.DeadLettered(letter, json);
  }
}
