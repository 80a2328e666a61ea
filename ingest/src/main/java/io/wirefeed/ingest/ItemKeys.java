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
      return linkAndTitle(e);
    }
    return Links.shortHash("text:" + nullToEmpty(e.title()) + "|" + nullToEmpty(e.summary()));
  }

  /**
   * What the feed says of the item's content (title, date, summary), hashed: an item already seen whose
   * fingerprint changed (an agency's update under the same guid) is fetched again.
   */
  static String fingerprint(FeedEntry e) {
    return Links.shortHash("content:" + nullToEmpty(e.title()) + "|" + (e.published() == null ? "" : e.published())
        + "|" + nullToEmpty(e.summary())).substring(0, 12);
  }

  /**
   * For an item with a guid and a link: the key it would have without the guid (normalized link plus
   * title), which recognises it when its feed hands out a new guid on every fetch; null otherwise.
   */
  static String linkKey(FeedEntry e) {
    return e.guid() == null || e.link() == null ? null : linkAndTitle(e);
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

  private static String linkAndTitle(FeedEntry e) {
    return Links.shortHash("link:" + Links.normalize(e.link()) + "|" + nullToEmpty(e.title()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
