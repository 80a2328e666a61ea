package io.wirefeed.app;

import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;

/** What the running pipeline reports, after each fact is durable in Kafka. */
interface PipelineListener {
  /** A new article or a new version was committed to the articles topic. */
  default void published(Article article) {}

  /** A document was normalized again with unchanged content: nothing was published. */
  default void unchanged(Article article) {}

  /** A document or feed went to the dead-letter topic. */
  default void deadLettered(DeadLetter letter) {}

  /** A feed poll finished. */
  default void polled(PollReport report) {}
}
