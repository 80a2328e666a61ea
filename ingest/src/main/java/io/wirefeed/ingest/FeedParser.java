package io.wirefeed.ingest;

import io.wirefeed.model.FeedEntry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a feed document (RSS 0.9x-2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed, news sitemap) into
 * {@link ParsedFeed}; never throws: a document that is not a feed comes back with an error.
 *
 * <p>Charset: sniffed (BOM, Content-Type, XML declaration, meta, detection). XML is first parsed
 * strictly; when that fails, entities and stray ampersands are repaired and, failing that, the tree
 * is rebuilt leniently. No DOCTYPE is ever processed, so no external entity is fetched and no
 * entity is expanded. Relative links are resolved against {@code base}; titles and summaries are
 * plain text; dates that cannot be read are null.
 */
public final class FeedParser {
  /**
   * A parsed document and what its publisher says of its update rate.
   *
   * @param updateEvery RSS ttl or sy:updatePeriod/updateFrequency as a duration, or null
   * @param sitemaps for a sitemap index, the sitemaps it lists, most recently modified first; else empty
   */
  record Read(ParsedFeed feed, Duration updateEvery, List<URI> sitemaps) {
    Read {
      sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    }

    Read(ParsedFeed feed, Duration updateEvery) {
      this(feed, updateEvery, List.of());
    }

    static Read failed(String format, String error) {
      return new Read(ParsedFeed.failed(format, error), null);
    }

    /** True for a sitemap index: its entries are in the sitemaps it lists. */
    boolean isIndex() {
      return !sitemaps.isEmpty();
    }
  }

  /** How many of a sitemap index's sitemaps a poll reads: the most recently modified ones. */
  static final int SITEMAPS_PER_INDEX = 3;
  private static final Pattern CLOSED_ITEM = Pattern.compile("(?i)</(?:[\\w.-]+:)?(?:item|entry)\\s*>");

  private FeedParser() {}

  /**
   * Parses one feed document.
   *
   * @param bytes the document as fetched
   * @param contentType the HTTP Content-Type, or null
   * @param base the URL it came from, for relative links; may be null
   */
  public static ParsedFeed parse(byte[] bytes, String contentType, URI base) {
    Read read = read(bytes, contentType, base);
    if (read.isIndex()) {
      // Its items are in other documents: the poller fetches them; a file on its own has none.
      return ParsedFeed.failed(read.feed().format(), "a sitemap index listing " + read.sitemaps().size()
          + " sitemaps (a feed poll reads the newest " + SITEMAPS_PER_INDEX + "), first " + read.sitemaps().get(0));
    }
    return read.feed();
  }

  /** {@link #parse}, with the publisher's update hint. */
  static Read read(byte[] bytes, String contentType, URI base) {
    try {
      return readOrFail(bytes, contentType, base);
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug on hostile input must not take the poller down; report it like bad input.
      return Read.failed(null, "feed parser failure: " + e);
    }
  }

  private static Read readOrFail(byte[] bytes, String contentType, URI base) {
    if (bytes == null || bytes.length == 0) {
      return Read.failed(null, "empty document");
    }
    String text = stripLeading(CharsetSniffer.decode(bytes, contentType).text());
    if (text.isEmpty()) {
      return Read.failed(null, "empty document");
    }
    if (text.charAt(0) == '{' || text.charAt(0) == '[' || isJson(contentType) && text.charAt(0) != '<') {
      return new Read(JsonFeedReader.read(text, base), null);
    }
    String xml = XmlRepair.prepare(text);
    if (xml.isEmpty()) {
      return Read.failed(null, "not a feed: no markup found");
    }
    UnreadableFeed strict;
    try {
      return RomeFeedReader.read(xml, base);
    } catch (UnreadableFeed e) {
      if (!e.malformed()) {
        return Read.failed(null, e.getMessage());
      }
      strict = e;
    }
    String repaired = XmlRepair.repair(xml);
    try {
      return RomeFeedReader.read(repaired, base);
    } catch (UnreadableFeed e) {
      if (!e.malformed()) {
        return Read.failed(null, e.getMessage());
      }
    }
    try {
      Read rebuilt = withoutCutOffEntry(RomeFeedReader.read(XmlRepair.rebuild(repaired), base), repaired);
      // Broken nesting that leaves no item is reported as the syntax error it is.
      return rebuilt.feed().entries().isEmpty() ? Read.failed(rebuilt.feed().format(), strict.getMessage()) : rebuilt;
    } catch (UnreadableFeed e) {
      return Read.failed(null, e.malformed() ? strict.getMessage() : e.getMessage());
    }
  }

  /**
   * A document cut off in the middle of its last item (a truncated download, a crashed writer) comes back
   * from the lenient rebuild with that item closed for it, its title cut short and often no link: such an
   * item, never closed in the document and without a link, is dropped rather than published half-written.
   */
  private static Read withoutCutOffEntry(Read read, String xml) {
    List<FeedEntry> entries = read.feed().entries();
    if (entries.isEmpty() || entries.get(entries.size() - 1).link() != null) {
      return read;
    }
    long closed = CLOSED_ITEM.matcher(xml).results().count();
    if (closed >= entries.size()) {
      return read;
    }
    ParsedFeed feed = read.feed();
    return new Read(new ParsedFeed(feed.format(), entries.subList(0, entries.size() - 1), null), read.updateEvery());
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
      i++;
    }
    return s.substring(i);
  }
}
