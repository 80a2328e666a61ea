package io.wirefeed.ingest;

import io.wirefeed.model.FeedEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Article links of an HTML section page: anchors matched by a CSS selector (or inside the elements
 * it matches) and/or whose absolute URL matches a regex, on the page's own site, de-duplicated, in
 * page order. Each becomes a {@link FeedEntry} titled with the link text.
 */
final class SectionLinks {
  private SectionLinks() {}

  static List<FeedEntry> find(String html, URI page, String selector, String pattern) {
    Document doc = Jsoup.parse(html, page.toString());
    Elements anchors = new Elements();
    if (selector != null) {
      for (Element el : doc.select(selector)) {
        if (el.normalName().equals("a") && el.hasAttr("href")) {
          anchors.add(el);
        } else {
          anchors.addAll(el.select("a[href]"));
        }
      }
    } else {
      anchors = doc.select("a[href]");
    }
    Pattern regex = pattern == null ? null : Pattern.compile(pattern);
    String self = Links.normalize(page.toString());
    Map<String, Candidate> found = new LinkedHashMap<>();
    for (Element a : anchors) {
      String href = a.absUrl("href");
      URI uri = href.isEmpty() ? null : Links.parse(href);
      if (uri == null || uri.getHost() == null || !isHttp(uri) || !Links.sameSite(uri.getHost(), page.getHost())) {
        continue;
      }
      String link = withoutFragment(uri);
      String key = Links.normalize(link);
      if (key.equals(self) || regex != null && !regex.matcher(link).find()) {
        continue;
      }
      Candidate c = found.computeIfAbsent(key, k -> new Candidate(link));
      // An image link often precedes the headline link to the same story: the longest text wins.
      String title = title(a);
      if (title != null && (c.title == null || title.length() > c.title.length())) {
        c.title = title;
      }
    }
    List<FeedEntry> entries = new ArrayList<>(found.size());
    for (Candidate c : found.values()) {
      entries.add(new FeedEntry(null, c.title, c.link, null, null, List.of()));
    }
    return entries;
  }

  private static final class Candidate {
    final String link;
    String title;

    Candidate(String link) {
      this.link = link;
    }
  }

  private static String title(Element a) {
    String text = HtmlText.collapse(a.text());
    if (text == null) {
      text = HtmlText.collapse(a.attr("title"));
    }
    if (text == null) {
      Element img = a.selectFirst("img[alt]");
      text = img == null ? null : HtmlText.collapse(img.attr("alt"));
    }
    return text;
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  private static String withoutFragment(URI uri) {
    String s = uri.toString();
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }
}
