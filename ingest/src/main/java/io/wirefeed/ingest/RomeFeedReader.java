package io.wirefeed.ingest;

import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirefeed.model.FeedEntry;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * The one place Rome and JDOM are used: XML text in, {@link ParsedFeed} out. The XML is parsed by a
 * hardened SAX parser (no DOCTYPE, no external entities, no entity expansion), small structural
 * fixes are made on the tree (RSS without a version or a channel), then Rome maps it.
 */
final class RomeFeedReader {
  private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
  private static final int TITLE_FROM_SUMMARY = 120;
  private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
  /** A publisher hint longer than this is not believed (nor needed: the schedule caps delays lower). */
  private static final Duration LONGEST_HINT = Duration.ofDays(366);

  private RomeFeedReader() {}

  static FeedParser.Read read(String xml, URI base) throws UnreadableFeed {
    Document doc = parseXml(xml);
    Element root = doc.getRootElement();
    String rootName = root.getName().toLowerCase(Locale.ROOT);
    switch (rootName) {
      case "urlset":
        return new FeedParser.Read(readSitemap(root, base), null);
      case "sitemapindex":
        return readSitemapIndex(root, base);
      case "html":
        throw new UnreadableFeed("an HTML page, not a feed", false);
      case "rss":
        fixRss(root);
        break;
      default:
        break;
    }
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setPreserveWireFeed(true);
      feed = input.build(doc);
    } catch (IllegalArgumentException e) {
      throw new UnreadableFeed("not a feed: root element <" + root.getQualifiedName() + ">", false);
    } catch (FeedException | RuntimeException e) {
      throw new UnreadableFeed("feed structure not understood: " + e.getMessage(), true);
    }
    List<FeedEntry> entries = new ArrayList<>();
    List<URI> bases = rootName.equals("feed") ? atomEntryBases(root, base) : List.of();
    List<SyndEntry> syndEntries = feed.getEntries();
    for (int i = 0; i < syndEntries.size(); i++) {
      entries.add(entry(syndEntries.get(i), bases.size() == syndEntries.size() ? bases.get(i) : base));
    }
    return new FeedParser.Read(new ParsedFeed(feed.getFeedType(), entries, null), updateHint(root));
  }

  /**
   * The base each Atom entry's relative links resolve against (RFC 4287 via XML Base): the document's URL,
   * then the {@code xml:base} of the feed, then that of the entry. Rome leaves relative links as written.
   */
  private static List<URI> atomEntryBases(Element root, URI documentBase) {
    URI feedBase = withXmlBase(documentBase, root);
    List<URI> bases = new ArrayList<>();
    for (Element child : root.getChildren()) {
      if (child.getName().equals("entry")) {
        bases.add(withXmlBase(feedBase, child));
      }
    }
    return bases;
  }

  private static URI withXmlBase(URI base, Element element) {
    String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
    String resolved = xmlBase == null ? null : Links.resolve(base, xmlBase);
    URI uri = resolved == null ? null : Links.parse(resolved);
    return uri == null || !uri.isAbsolute() ? base : uri;
  }

  /**
   * How often the publisher says the feed changes: RSS {@code <ttl>} (minutes) and the syndication
   * module's {@code updatePeriod} / {@code updateFrequency} (in the channel, or the root for Atom); the
   * longer of the two, or null when neither is given or readable.
   */
  static Duration updateHint(Element root) {
    Element channel = child(root, "channel");
    Element holder = channel == null ? root : channel;
    Duration ttl = null;
    String minutes = text(holder, "ttl");
    if (minutes != null && minutes.matches("[0-9]{1,9}")) {
      ttl = Duration.ofMinutes(Long.parseLong(minutes));
    }
    String period = text(holder, "updatePeriod");
    String frequency = text(holder, "updateFrequency");
    if (period == null && frequency == null && holder != root) {
      period = text(root, "updatePeriod");
      frequency = text(root, "updateFrequency");
    }
    Duration sy = null;
    if (period != null || frequency != null) {
      Duration every = periodLength(period == null ? "daily" : period);
      long times = frequency != null && frequency.matches("[0-9]{1,6}") ? Long.parseLong(frequency) : 1;
      sy = every == null || times == 0 ? null : every.dividedBy(times);
    }
    Duration hint = ttl == null ? sy : sy == null || ttl.compareTo(sy) >= 0 ? ttl : sy;
    return hint == null || hint.isZero() || hint.compareTo(LONGEST_HINT) > 0 ? null : hint;
  }

  private static Duration periodLength(String period) {
    switch (period.toLowerCase(Locale.ROOT)) {
      case "hourly":
        return Duration.ofHours(1);
      case "daily":
        return Duration.ofDays(1);
      case "weekly":
        return Duration.ofDays(7);
      case "monthly":
        return Duration.ofDays(30);
      case "yearly":
        return Duration.ofDays(365);
      default:
        return null;
    }
  }

  private static Document parseXml(String xml) throws UnreadableFeed {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
    builder.setExpandEntities(false);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    try {
      return builder.build(new StringReader(xml));
    } catch (JDOMException e) {
      throw new UnreadableFeed("malformed XML: " + e.getMessage(), true);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFeed("unreadable XML: " + e, true);
    }
  }

  /** Rome only reads RSS with a known version and a channel; real feeds omit both. */
  private static void fixRss(Element root) {
    String version = root.getAttributeValue("version");
    if (version == null || !RSS_VERSIONS.contains(version.strip())) {
      root.setAttribute("version", "2.0");
    } else if (!version.equals(version.strip())) {
      root.setAttribute("version", version.strip());
    }
    if (root.getChild("channel", root.getNamespace()) == null) {
      Element channel = new Element("channel", root.getNamespace());
      List<org.jdom2.Content> children = new ArrayList<>(root.getContent());
      for (org.jdom2.Content c : children) {
        channel.addContent(c.detach());
      }
      root.addContent(channel);
    }
  }

  private static FeedEntry entry(SyndEntry e, URI base) {
    String link = blankToNull(e.getLink());
    if (link == null) {
      link = alternateLink(e.getLinks());
    }
    String guid = guid(e);
    if (link == null && guid != null && guid.regionMatches(true, 0, "http", 0, 4)) {
      link = guid;
    }
    Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    if (date == null && e.getWireEntry() instanceof Item) {
      // Rome prefers dc:date; when that one is unreadable the item's own pubDate still counts.
      date = ((Item) e.getWireEntry()).getPubDate();
    }
    List<String> categories = new ArrayList<>();
    for (SyndCategory c : e.getCategories()) {
      String name = HtmlText.collapse(c.getName());
      if (name != null && !categories.contains(name)) {
        categories.add(name);
      }
    }
    String summary = summary(e);
    String title = title(e);
    if (title == null) {
      title = HtmlText.titleFromSummary(summary, TITLE_FROM_SUMMARY);
    }
    return new FeedEntry(guid, title, Links.resolve(base, link), instant(date), summary, categories);
  }

  /** RSS: the guid element only (Rome copies the link into the URI when there is none); Atom: the id. */
  private static String guid(SyndEntry e) {
    Object wire = e.getWireEntry();
    if (wire instanceof Item) {
      Item item = (Item) wire;
      return item.getGuid() == null ? null : blankToNull(item.getGuid().getValue());
    }
    return blankToNull(e.getUri());
  }

  private static String alternateLink(List<SyndLink> links) {
    String any = null;
    for (SyndLink l : links) {
      String href = blankToNull(l.getHref());
      if (href == null) {
        continue;
      }
      if (l.getRel() == null || l.getRel().equals("alternate")) {
        return href;
      }
      any = any == null ? href : any;
    }
    return any;
  }

  private static String title(SyndEntry e) {
    SyndContent ex = e.getTitleEx();
    String value = ex != null && ex.getValue() != null ? ex.getValue() : e.getTitle();
    String type = ex == null || ex.getType() == null ? "" : ex.getType().toLowerCase(Locale.ROOT);
    return type.contains("html") ? HtmlText.plain(value) : HtmlText.plainIfMarkup(value);
  }

  private static String summary(SyndEntry e) {
    SyndContent description = e.getDescription();
    if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
      return HtmlText.plain(description.getValue());
    }
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        return HtmlText.plain(c.getValue());
      }
    }
    return null;
  }

  private static Instant instant(Date date) {
    if (date == null) {
      return null;
    }
    Instant at = date.toInstant();
    return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
  }

  /**
   * A sitemap index: the sitemaps it lists, most recently modified first (those without a date last, in
   * document order). No entries of its own; an index that lists nothing is an error.
   */
  private static FeedParser.Read readSitemapIndex(Element index, URI base) throws UnreadableFeed {
    record Listed(URI uri, Instant modified, int order) {}
    List<Listed> listed = new ArrayList<>();
    for (Element sitemap : index.getChildren()) {
      if (!sitemap.getName().equals("sitemap")) {
        continue;
      }
      String loc = Links.resolve(base, text(sitemap, "loc"));
      URI uri = loc == null ? null : Links.parse(loc);
      if (uri != null && uri.isAbsolute()) {
        listed.add(new Listed(uri, W3cDates.parse(text(sitemap, "lastmod")), listed.size()));
      }
    }
    if (listed.isEmpty()) {
      throw new UnreadableFeed("a sitemap index that lists no sitemap", false);
    }
    listed.sort(Comparator.comparing(Listed::modified, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparingInt(Listed::order));
    return new FeedParser.Read(new ParsedFeed("sitemapindex", List.of(), null), null,
        listed.stream().map(Listed::uri).toList());
  }

  private static ParsedFeed readSitemap(Element urlset, URI base) {
    List<FeedEntry> entries = new ArrayList<>();
    for (Element url : urlset.getChildren()) {
      if (!url.getName().equals("url")) {
        continue;
      }
      String link = Links.resolve(base, text(url, "loc"));
      if (link == null) {
        continue;
      }
      Element news = child(url, "news");
      String title = news == null ? null : HtmlText.plain(text(news, "title"));
      Instant published = news == null ? null : W3cDates.parse(text(news, "publication_date"));
      if (published == null) {
        published = W3cDates.parse(text(url, "lastmod"));
      }
      List<String> keywords = new ArrayList<>();
      String kw = news == null ? null : text(news, "keywords");
      if (kw != null) {
        for (String k : kw.split(",")) {
          if (!k.isBlank()) {
            keywords.add(k.strip());
          }
        }
      }
      entries.add(new FeedEntry(null, title, link, published, null, keywords));
    }
    return new ParsedFeed("sitemap", entries, null);
  }

  /** Children are matched by local name: sitemap extensions come with assorted namespace URIs. */
  private static Element child(Element parent, String localName) {
    for (Element c : parent.getChildren()) {
      if (c.getName().equals(localName)) {
        return c;
      }
    }
    return null;
  }

  private static String text(Element parent, String localName) {
    Element c = child(parent, localName);
    return c == null ? null : blankToNull(c.getTextNormalize());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
