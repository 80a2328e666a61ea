package io.wirefeed.publish;

import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;

/**
 * Told what the {@link ArticleProcessor} did with each raw document, once the transaction holding it has
 * committed; every method defaults to doing nothing.
 *
 * <p>Called on the processor's thread: keep it quick, and exceptions it throws are logged and ignored.
 */
public interface ProcessorListener {

  /** A new article, or a new version of one ({@link Article#version()} says which), is on the articles topic. */
  default void published(Article article) {}

  /** The document normalized to an article identical to the latest published version: nothing was published. */
  default void unchanged(Article article) {}

  /** The document could not be decoded or normalized and is on the dead-letter topic. */
  default void deadLettered(DeadLetter letter) {}

  /** A listener that ignores everything. */
  static ProcessorListener noOp() {
    return new ProcessorListener() {};
  }
}
