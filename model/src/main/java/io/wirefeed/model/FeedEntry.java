package io.wirefeed.model;

import java.time.Instant;
import java.util.List;

/**
 * The feed item a document was discovered through; every field may be null except categories.
 */
public record FeedEntry(
    String guid, String title, String link, Instant published, String summary, List<String> categories) {
  public FeedEntry {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
