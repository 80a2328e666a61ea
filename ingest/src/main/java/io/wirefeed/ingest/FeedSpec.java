package io.wirefeed.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One configured source: where to poll, how to read it, and how often.
 *
 * @param id stable feed id (letters, digits, '.', '_', '-'; the state topic's key)
 * @param url the feed or section page, http or https
 * @param kind {@link FeedKind#FEED} or {@link FeedKind#HTML}
 * @param agency the agency whose copy it carries (a hint for normalization), or null
 * @param language the expected language (a hint), or null
 * @param interval time between two polls
 * @param linkSelector HTML only: CSS selector of the article links (or of elements containing them), or null
 * @param linkPattern HTML only: regex an absolute article URL must contain a match of, or null
 * @param allowPrivateAddresses whether loopback / private / link-local addresses may be fetched (tests, intranets)
 */
public record FeedSpec(
    String id,
    URI url,
    FeedKind kind,
    String agency,
    String language,
    Duration interval,
    String linkSelector,
    String linkPattern,
    boolean allowPrivateAddresses) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public FeedSpec {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid feed id: " + id);
    }
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("Invalid feed url (absolute http/https expected): " + url);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("Invalid interval for feed " + id + ": " + interval);
    }
    agency = blankToNull(agency);
    language = blankToNull(language);
    linkSelector = blankToNull(linkSelector);
    linkPattern = blankToNull(linkPattern);
    if (linkSelector != null) {
      try {
        QueryParser.parse(linkSelector);
      } catch (Selector.SelectorParseException e) {
        throw new IllegalArgumentException("Invalid linkSelector for feed " + id + ": " + linkSelector, e);
      }
    }
    if (linkPattern != null) {
      try {
        Pattern.compile(linkPattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Invalid linkPattern for feed " + id + ": " + linkPattern, e);
      }
    }
    if (kind == FeedKind.HTML && linkSelector == null && linkPattern == null) {
      throw new IllegalArgumentException("Invalid HTML feed " + id + ": linkSelector or linkPattern required");
    }
  }

  /** A syndication feed (RSS, Atom, JSON Feed) on a public address. */
  public static FeedSpec feed(String id, URI url, String agency, String language, Duration interval) {
    return new FeedSpec(id, url, FeedKind.FEED, agency, language, interval, null, null, false);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
