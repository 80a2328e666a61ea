package io.wirefeed.normalize.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What a page says about itself: headline, times, authors, canonical URL, site, lead image, language, sections.
 *
 * <p>Sources are ranked per field; the ranking and the reason for it sit next to each field's code.
 */
record HtmlMetadata(String headline, String summary, Instant published, Instant modified, List<String> authors,
    String canonicalUrl, String siteName, String leadImage, String language, List<String> categories,
    String articleBody) {

  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»«/]{1,2}\\s+|\\s*::\\s*");
  private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|from|par|por|von|di|door)\\s+");
  private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\bet\\b|\\bund\\b|\\by\\b)\\s*");
  /** Upper-case words in a row ("SAM WHITFIELD", "MARÍA DEL MAR O'NEIL"). */
  private static final Pattern CAPS_NAME = Pattern.compile(
      "(\\p{Lu}[\\p{Lu}.'’-]*\\s+){1,4}\\p{Lu}[\\p{Lu}.'’-]*(?=\\s+\\p{Lu}\\p{Ll}|\\s*,|$)");
  private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
  private static final int MAX_LIST = 20;

  HtmlMetadata {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
  }

  /** Reads the metadata of a parsed page fetched from {@code url}. */
  static HtmlMetadata read(Document doc, String url) {
    HtmlJsonLd ld = HtmlJsonLd.read(doc);
    Map<String, List<String>> meta = metaTags(doc);
    String siteName = first(first(meta, "og:site_name"), ld.publisher(), first(meta, "application-name"));
    return new HtmlMetadata(
        headline(doc, meta, ld, siteName),
        first(first(meta, "og:description"), first(meta, "description"), ld.description(),
            first(meta, "twitter:description")),
        published(doc, meta, ld, url),
        modified(meta, ld),
        authors(doc, meta, ld),
        canonical(doc, meta, ld),
        siteName,
        absolute(doc, first(first(meta, "og:image"), first(meta, "og:image:url"), first(meta, "twitter:image"),
            first(meta, "twitter:image:src"), ld.image(), doc.select("link[rel=image_src]").attr("href"))),
        language(doc, meta, ld),
        categories(meta, ld),
        ld.articleBody());
  }

  /** Every meta tag by its lower-cased property / name / itemprop / http-equiv, values in page order. */
  private static Map<String, List<String>> metaTags(Document doc) {
    Map<String, List<String>> out = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String content = m.hasAttr("content") ? m.attr("content") : m.attr("value");
      if (content.isBlank()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String key = m.attr(attr);
        if (!key.isEmpty()) {
          out.computeIfAbsent(key.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(content.strip());
        }
      }
    }
    return out;
  }

  /*
   * Headline. The <h1> wins when the page's own titles corroborate it (it shares most of its words with og:title,
   * the JSON-LD headline or <title>): it is the headline as printed, while metadata titles are often SEO or social
   * rewrites that carry the site name. An uncorroborated <h1> is too often the logo or a section name, so then the
   * declared headline wins: JSON-LD, og:title, twitter:title, then <title> with the site name stripped.
   */
  private static String headline(Document doc, Map<String, List<String>> meta, HtmlJsonLd ld, String siteName) {
    String og = first(meta, "og:title");
    String title = doc.title();
    List<String> declared = new ArrayList<>();
    for (String s : new String[] {ld.headline(), og, first(meta, "twitter:title"), title}) {
      if (s != null && !s.isBlank()) {
        declared.add(stripSiteName(s.strip(), siteName));
      }
    }
    Elements h1s = doc.getElementsByTag("h1");
    for (int i = 0; i < Math.min(h1s.size(), 5); i++) {
      String h1 = h1s.get(i).text().strip();
      if (h1.length() < 4 || h1.length() > 300) {
        continue;
      }
      for (String d : declared) {
        if (overlap(h1, d) >= 0.6) {
          return h1;
        }
      }
    }
    if (!declared.isEmpty()) {
      return declared.get(0);
    }
    for (Element h1 : h1s) {
      String t = h1.text().strip();
      if (t.split("\\s+").length >= 3) {
        return t;
      }
    }
    return null;
  }

  /** Drops " | Site", "Site - " and similar from a title. */
  static String stripSiteName(String title, String siteName) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String siteKey = ContentExtractor.key(siteName);
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      String k = ContentExtractor.key(p);
      if (!siteKey.isEmpty() && (k.equals(siteKey) || (k.length() > 2 && siteKey.contains(k)) || k.contains(siteKey))) {
        continue;
      }
      kept.add(p);
    }
    if (kept.size() == parts.length && parts.length == 2) {
      // no part named the site: of "Site :: Headline" or "Headline - Site", the short part is the site
      int w0 = parts[0].strip().split("\\s+").length;
      int w1 = parts[1].strip().split("\\s+").length;
      if (w0 <= 3 && w1 >= 4) {
        return parts[1].strip();
      }
      if (w1 <= 3 && w0 >= 4) {
        return parts[0].strip();
      }
      // A pipe is a site separator, not headline punctuation: "Airbus beats target | Reuters".
      if (title.contains(" | ") && w1 <= 3 && w1 * 2 <= w0) {
        return parts[0].strip();
      }
      return title;
    }
    if (kept.size() == parts.length) {
      // no part named the site: drop a short trailing part ("Politics", "News") when the rest is a real headline
      String last = parts[parts.length - 1];
      String rest = title.substring(0, title.lastIndexOf(last)).strip();
      if (last.split("\\s+").length <= 3 && rest.split("\\s+").length >= 4) {
        return TITLE_SEPARATOR.matcher(rest + " ").replaceFirst(" ").strip().replaceAll("\\s+[|\\-–—:·•»«/]+$", "");
      }
      return title;
    }
    if (kept.isEmpty()) {
      return title;
    }
    // keep the separators that were inside the headline itself by cutting at the first and last removed parts
    String longest = kept.get(0);
    for (String k : kept) {
      if (k.length() > longest.length()) {
        longest = k;
      }
    }
    return kept.size() == 1 ? longest : String.join(" - ", kept);
  }

  private static double overlap(String a, String b) {
    String[] ta = a.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    String bl = " " + String.join(" ", b.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) + " ";
    int n = 0;
    int hit = 0;
    for (String t : ta) {
      if (t.isEmpty()) {
        continue;
      }
      n++;
      if (bl.contains(" " + t + " ")) {
        hit++;
      }
    }
    return n == 0 ? 0 : (double) hit / n;
  }

  /*
   * Published time. JSON-LD datePublished first (generated by the CMS from the same field it prints), then the Open
   * Graph article:published_time and the other metadata conventions, then the first <time datetime> in the page,
   * then the date in the URL. A date printed in the body text never overrides these: it is often about the event,
   * not the publication. The URL date is used only when nothing else exists, as it carries no time of day.
   */
  private static Instant published(Document doc, Map<String, List<String>> meta, HtmlJsonLd ld, String url) {
    for (String s : new String[] {ld.published(), first(meta, "article:published_time"),
        first(meta, "datepublished"), first(meta, "og:published_time"), first(meta, "article:published"),
        first(meta, "pubdate"), first(meta, "publishdate"), first(meta, "publish_date"), first(meta, "publish-date"),
        first(meta, "parsely-pub-date"), first(meta, "sailthru.date"), first(meta, "dc.date.issued"),
        first(meta, "dcterms.created"), first(meta, "dc.date"), first(meta, "date"), first(meta, "article.published"),
        first(meta, "citation_publication_date")}) {
      Instant t = HtmlDates.parse(s);
      if (t != null) {
        return t;
      }
    }
    Elements times = doc.select("time[datetime]");
    for (int i = 0; i < Math.min(times.size(), 10); i++) {
      Instant t = HtmlDates.parse(times.get(i).attr("datetime"));
      if (t != null) {
        return t;
      }
    }
    return HtmlDates.fromUrl(url);
  }

  private static Instant modified(Map<String, List<String>> meta, HtmlJsonLd ld) {
    for (String s : new String[] {ld.modified(), first(meta, "article:modified_time"), first(meta, "datemodified"),
        first(meta, "og:updated_time"), first(meta, "dcterms.modified"), first(meta, "last-modified"),
        first(meta, "lastmod")}) {
      Instant t = HtmlDates.parse(s);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /*
   * Authors: JSON-LD first (structured names), then author meta tags (URLs skipped: article:author is often a
   * profile link), then the byline printed on the page.
   */
  private static List<String> authors(Document doc, Map<String, List<String>> meta, HtmlJsonLd ld) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : ld.authors()) {
      addNames(out, a);
    }
    if (out.isEmpty()) {
      for (String key : new String[] {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
          "byl"}) {
        for (String a : meta.getOrDefault(key, List.of())) {
          if (!a.startsWith("http")) {
            addNames(out, a);
          }
        }
      }
    }
    if (out.isEmpty()) {
      Elements bylines = doc.select("[rel=author], [itemprop=author], .byline, .author-name, .byline__name");
      for (int i = 0; i < Math.min(bylines.size(), 5) && out.isEmpty(); i++) {
        addNames(out, bylines.get(i).text());
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Names in a printed byline: "By SAM WHITFIELD Associated Press" gives "Sam Whitfield" (the capitalised run is
   * the name, what follows is the employer); "By Ann Lee and Bo Kim, Reuters" gives both names.
   */
  static List<String> bylineNames(String byline) {
    String s = BY_PREFIX.matcher(byline.strip()).replaceFirst("");
    Matcher caps = CAPS_NAME.matcher(s);
    if (caps.lookingAt() && caps.end() < s.length()) {
      s = titleCase(caps.group().strip());
    } else {
      // "Ann Lee and Bo Kim, Reuters": the last comma part names the employer unless it lists more names
      int comma = s.lastIndexOf(',');
      if (comma > 0 && !s.substring(comma).contains(" and ")) {
        s = s.substring(0, comma);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    addNames(out, s);
    return new ArrayList<>(out.values());
  }

  private static String titleCase(String caps) {
    StringBuilder sb = new StringBuilder(caps.length());
    boolean start = true;
    for (int i = 0; i < caps.length(); i++) {
      char c = caps.charAt(i);
      sb.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c) || c == '\'';
      if (c == '\'') {
        start = true;
      }
    }
    return sb.toString();
  }

  private static void addNames(Map<String, String> out, String raw) {
    String s = BY_PREFIX.matcher(raw.strip()).replaceFirst("");
    for (String name : NAME_SPLIT.split(s)) {
      String n = name.strip();
      int words = n.isEmpty() ? 0 : n.split("\\s+").length;
      if (words == 0 || words > 6 || n.length() > 80 || out.size() >= MAX_LIST) {
        continue;
      }
      out.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
    }
  }

  private static String canonical(Document doc, Map<String, List<String>> meta, HtmlJsonLd ld) {
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    String href = link == null ? null : link.absUrl("href");
    return absolute(doc, first(href, first(meta, "og:url"), ld.url()));
  }

  /*
   * Declared language: <html lang> first, as it is the document's own statement about its content; then the
   * Content-Language header copy in meta, og:locale (often a site-wide social default), JSON-LD inLanguage.
   * It is only a hint: the normalizer detects the language from the text, which wins when they disagree.
   */
  private static String language(Document doc, Map<String, List<String>> meta, HtmlJsonLd ld) {
    Element html = doc.selectFirst("html");
    for (String s : new String[] {html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
        first(meta, "content-language"), first(meta, "og:locale"), ld.language(), first(meta, "language"),
        first(meta, "dc.language")}) {
      String tag = bcp47(s);
      if (tag != null) {
        return tag;
      }
    }
    return null;
  }

  static String bcp47(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    int comma = s.indexOf(',');
    if (comma > 0) {
      s = s.substring(0, comma).strip();
    }
    if (!LANG.matcher(s).matches()) {
      return null;
    }
    String[] parts = s.replace('_', '-').split("-");
    StringBuilder sb = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      sb.append('-').append(p.length() == 2 ? p.toUpperCase(Locale.ROOT)
          : p.length() == 4 ? p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1).toLowerCase(Locale.ROOT)
          : p.toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static List<String> categories(Map<String, List<String>> meta, HtmlJsonLd ld) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(ld.sections());
    all.addAll(meta.getOrDefault("article:section", List.of()));
    all.addAll(meta.getOrDefault("article:tag", List.of()));
    for (String c : all) {
      String t = c.strip();
      if (!t.isEmpty() && t.length() <= 60 && out.size() < MAX_LIST) {
        out.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String absolute(Document doc, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String h = href.strip();
    if (h.startsWith("http://") || h.startsWith("https://")) {
      return h;
    }
    Element a = doc.createElement("a").attr("href", h);
    a.setBaseUri(doc.location());
    String abs = a.absUrl("href");
    return abs.isEmpty() ? null : abs;
  }

  private static String first(Map<String, List<String>> meta, String key) {
    List<String> v = meta.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
