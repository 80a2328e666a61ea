package io.wirefeed.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main-content extraction from an HTML page: a first pass on Jsoup (paragraphs outside navigation,
 * asides and footers; Open Graph, JSON-LD and meta times; canonical link; the page's declared
 * language). Jsoup's types stay inside this class.
 */
final class HtmlExtractor {
  private static final String CHROME = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, "
      + "[class~=(?i)(related|share|social|comment|newsletter|promo|byline|advert|cookie|breadcrumb)], "
      + "[id~=(?i)(related|share|social|comment|newsletter|promo|advert|cookie)]";
  private static final Pattern JSON_LD_DATE = Pattern.compile("\"(datePublished|dateModified)\"\\s*:\\s*\"([^\"]{8,40})\"");
  private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,40}$");
  private static final Pattern BY = Pattern.compile("(?iu)^(?:by|par|por|von|di|de)\\s+");

  HtmlExtractor() {}

  ExtractedPage extract(String html, String url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    String headline = firstNonBlank(meta(doc, "og:title"), text(doc.selectFirst("h1")), title(doc));
    String summary = firstNonBlank(meta(doc, "og:description"), meta(doc, "description"));
    Instant published = firstInstant(meta(doc, "article:published_time"), meta(doc, "datePublished"),
        meta(doc, "pubdate"), meta(doc, "date"), jsonLd(doc, "datePublished"),
        attr(doc.selectFirst("time[datetime]"), "datetime"));
    Instant modified = firstInstant(meta(doc, "article:modified_time"), meta(doc, "og:updated_time"),
        meta(doc, "dateModified"), jsonLd(doc, "dateModified"));
    List<String> authors = authors(doc);
    String canonical = attr(doc.selectFirst("link[rel=canonical]"), "abs:href");
    String lang = firstNonBlank(attr(doc.selectFirst("html[lang]"), "lang"), meta(doc, "content-language"));
    List<String> categories = new ArrayList<>();
    for (Element e : doc.select("meta[property=article:section]")) {
      categories.add(e.attr("content"));
    }
    Element root = firstNonNull(doc.selectFirst("[itemprop=articleBody]"), doc.selectFirst("article"),
        doc.selectFirst("main"), doc.body());
    List<String> paragraphs = new ArrayList<>();
    if (root != null) {
      root.select(CHROME).remove();
      for (Element p : root.select("p")) {
        String t = p.text().strip();
        if (!t.isEmpty()) {
          paragraphs.add(t);
        }
      }
    }
    return new ExtractedPage(headline, summary, paragraphs, published, modified, authors, blankToNull(canonical),
        meta(doc, "og:site_name"), meta(doc, "og:image"), lang, categories);
  }

  private static List<String> authors(Document doc) {
    Set<String> out = new LinkedHashSet<>();
    String meta = meta(doc, "author");
    if (meta != null) {
      out.add(meta);
    }
    for (Element e : doc.select(".byline, [rel=author], [itemprop=author]")) {
      String t = BY.matcher(e.text().strip()).replaceFirst("");
      if (!t.isEmpty() && t.length() < 100) {
        out.add(PlaceCase.normal(t, false));
      }
    }
    return List.copyOf(out);
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name
        + "], meta[http-equiv=" + name + "]");
    return e == null ? null : blankToNull(e.attr("content"));
  }

  private static String jsonLd(Document doc, String field) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Matcher m = JSON_LD_DATE.matcher(script.data());
      while (m.find()) {
        if (m.group(1).equals(field)) {
          return m.group(2);
        }
      }
    }
    return null;
  }

  private static String title(Document doc) {
    String t = doc.title();
    return t.isBlank() ? null : TITLE_SUFFIX.matcher(t.strip()).replaceFirst("");
  }

  private static Instant firstInstant(String... values) {
    for (String v : values) {
      Instant i = instant(v);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  private static Instant instant(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next shape
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the next shape
    }
    try {
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  private static String attr(Element e, String name) {
    return e == null ? null : blankToNull(e.attr(name));
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
