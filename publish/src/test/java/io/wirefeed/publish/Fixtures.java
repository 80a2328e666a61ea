package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Article;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.Quote;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.Source;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Raw documents from src/test/resources/raw and a tiny stand-in for the real normalizer. */
final class Fixtures {
  /** How long a test waits for the broker-side effect it expects. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Fixtures() {}

  /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@link #TIMEOUT}. */
  static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + TIMEOUT).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  static RawDocument raw(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/raw/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture raw/" + name);
      }
      return WireJson.mapper().readValue(in, RawDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same document fetched again with another body (a corrected story). */
  static RawDocument withBody(RawDocument d, String body) {
    return new RawDocument(d.id(), d.url(), d.fetchedAt(), d.status(), d.contentType(), body, d.feedId(),
        d.feedEntry(), d.agencyHint(), d.languageHint());
  }

  /** The same document under another id. */
  static RawDocument withId(RawDocument d, String id) {
    return new RawDocument(id, d.url(), d.fetchedAt(), d.status(), d.contentType(), d.body(), d.feedId(),
        d.feedEntry(), d.agencyHint(), d.languageHint());
  }

  /**
   * Paragraphs split on blank lines, headline from the feed entry; rejects an empty body and throws on a body
   * containing "BOOM", so both failure paths of the processor can be driven.
   */
  static Outcome<Article> fakeNormalize(RawDocument raw) {
    if (raw.body().contains("BOOM")) {
      throw new IllegalStateException("extractor blew up on " + raw.id());
    }
    if (raw.body().isBlank()) {
      return Outcome.rejected("normalize", "Empty body: nothing to extract");
    }
    List<String> paragraphs = Arrays.stream(raw.body().split("\n\n")).map(String::strip).toList();
    String body = String.join("\n\n", paragraphs);
    String headline = raw.feedEntry() == null ? null : raw.feedEntry().title();
    return Outcome.accepted(new Article("art-" + raw.id(), 1, raw.id(), raw.url(), raw.url(), raw.languageHint(),
        headline, null, body, paragraphs, null, new Source(raw.agencyHint(), URI.create(raw.url()).getHost()),
        List.of(), List.of(), null, null, raw.fetchedAt(), List.of(), List.of(), null, null, sha256(body)));
  }

  /** A small article with just what routing and quote records look at; the rest is plain. */
  static Article article(String id, String language, Source source, Dateline dateline, List<String> categories,
      List<Quote> quotes) {
    return new Article(id, 1, "raw-" + id, "https://wire.example/" + id, null, language, "Headline", null, "Body.",
        List.of("Body."), dateline, source, List.of(), quotes, null, null, null, List.of(), categories, null, null,
        sha256(id));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A listener that records each committed fact as one line ("published ID vN", "unchanged ...", "dead ID STAGE"). */
  static ProcessorListener recording(java.util.Queue<String> events) {
    return new ProcessorListener() {
      @Override
      public void published(Article a) {
        events.add("published " + a.id() + " v" + a.version());
      }

      @Override
      public void unchanged(Article a) {
        events.add("unchanged " + a.id() + " v" + a.version());
      }

      @Override
      public void deadLettered(io.wirefeed.model.DeadLetter d) {
        events.add("dead " + d.documentId() + " " + d.stage());
      }
    };
  }
}
