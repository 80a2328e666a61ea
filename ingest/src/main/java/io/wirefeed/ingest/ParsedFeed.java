package io.wirefeed.ingest;

import io.wirefeed.model.FeedEntry;
import java.util.List;

/**
 * The result of parsing one feed document.
 *
 * @param format "rss_2.0", "rss_1.0", "rss_0.91U", "atom_1.0", "atom_0.3", "json", "sitemap"...; null when unknown
 * @param entries the items in document order; empty when {@code error} is set
 * @param error why the document is not a readable feed, or null
 */
public record ParsedFeed(String format, List<FeedEntry> entries, String error) {
  public ParsedFeed {
    entries = entries == null ? List.of() : List.copyOf(entries);
    if (error != null && !entries.isEmpty()) {
      throw new IllegalArgumentException("Invalid parsed feed: error with " + entries.size() + " entries");
    }
  }

  static ParsedFeed failed(String format, String error) {
    return new ParsedFeed(format, List.of(), error);
  }

  /** True when the document was read as a feed (possibly with no items). */
  public boolean ok() {
    return error == null;
  }
}
