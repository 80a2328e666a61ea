package io.wirefeed.publish;

import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import java.util.List;

/** What one raw record turns into inside a normalize transaction. */
sealed interface Step {

  /**
   * Publish {@code article} (its version already decided) as {@code json}; {@code contentHash} is remembered.
   * {@code quotes} holds the JSON of quote {@code i}'s QuoteRecord at {@code i}, or is empty when quotes are off.
   */
  record Publish(Article article, String contentHash, byte[] json, List<byte[]> quotes) implements Step {
    public Publish {
      quotes = List.copyOf(quotes);
    }
  }

  /** Same content as the latest published version: only the consumed offset is committed. */
  record Unchanged(Article article) implements Step {}

  /** Send {@code letter}, serialized as {@code json}, to the dead-letter topic. */
  record DeadLettered(DeadLetter letter, byte[] json) implements Step {}
}
