package io.wirefeed.ingest;

import io.wirefeed.model.FeedEntry;

/** The identities of a feed item: its seen-key (for the feed state) and its stable document id. */
final class ItemKeys {
  private ItemKeys() {}

  /**
   * The key remembered once an item is handled: the guid, else the normalized link plus the title,
   * hashed so thousands of them fit in one state record.
   */
  static String seenKey(FeedEntry e) {
    if (e.guid() != null) {
      return Links.shortHash("guid:" + e.guid());
    }
    if (e.link() != null) {
      return Links.shortHash("link:" + Links.normalize(e.link()) + "|" + nullToEmpty(e.title()));
    }
    return Links.shortHash("text:" + nullToEmpty(e.title()) + "|" + nullToEmpty(e.summary()));
  }

  /**
   * The RawDocument id: the same story fetched again keeps it. Derived from the normalized link
   * (tracking parameters do not count), else from the guid, else from the feed and the text.
   */
  static String documentId(FeedEntry e, String feedId) {
    if (e.link() != null) {
      return Links.shortHash(Links.normalize(e.link()));
    }
    if (e.guid() != null) {
      return Links.shortHash("guid:" + e.guid());
    }
    return Links.shortHash("text:" + feedId + "|" + nullToEmpty(e.title()) + "|" + nullToEmpty(e.summary()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
