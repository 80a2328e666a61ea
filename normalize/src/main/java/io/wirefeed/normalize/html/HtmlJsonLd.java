package io.wirefeed.normalize.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in its JSON-LD scripts ({@code @graph}s and arrays included), read
 * leniently: pages ship comments, trailing commas and raw control characters in these scripts.
 */
record HtmlJsonLd(String headline, String description, String published, String modified, List<String> authors,
    String image, String articleBody, List<String> sections, String url, String language, String publisher) {

  static final HtmlJsonLd EMPTY = new HtmlJsonLd(null, null, null, null, List.of(), null, null, List.of(), null,
      null, null);

  private static final int MAX_SCRIPT_CHARS = 1_000_000;
  private static final int MAX_NODES = 5_000;
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
      "liveblogposting", "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting", "review",
      "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "recipe", "howto");

  // Immutable once built: Jackson mappers are thread-safe for reading.
  private static final ObjectMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build())
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  HtmlJsonLd {
    authors = List.copyOf(authors);
    sections = List.copyOf(sections);
  }

  /** The best article description among the page's JSON-LD scripts, or {@link #EMPTY}. */
  static HtmlJsonLd read(Document doc) {
    JsonNode article = null;
    String publisher = null;
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      String json = script.data().strip();
      if (json.isEmpty() || json.length() > MAX_SCRIPT_CHARS) {
        continue;
      }
      JsonNode root;
      try {
        root = LENIENT.readTree(unwrap(json));
      } catch (IOException | RuntimeException e) {
        continue; // one broken script must not hide the others
      }
      Deque<JsonNode> queue = new ArrayDeque<>();
      queue.add(root);
      int visited = 0;
      while (!queue.isEmpty() && visited++ < MAX_NODES) {
        JsonNode n = queue.poll();
        if (n == null) {
          continue;
        }
        if (n.isArray()) {
          n.forEach(queue::add);
          continue;
        }
        if (!n.isObject()) {
          continue;
        }
        if (isArticle(n) && better(n, article)) {
          article = n;
        }
        if (publisher == null && hasType(n, "website", "organization", "newsmediaorganization")) {
          publisher = text(n.get("name"));
        }
        JsonNode graph = n.get("@graph");
        if (graph != null) {
          queue.add(graph);
        }
        JsonNode main = n.get("mainEntity");
        if (main != null && main.isObject()) {
          queue.add(main);
        }
      }
    }
    if (article == null) {
      return publisher == null ? EMPTY : new HtmlJsonLd(null, null, null, null, List.of(), null, null, List.of(),
          null, null, publisher);
    }
    JsonNode pub = article.get("publisher");
    if (pub != null && text(pub.get("name")) != null) {
      publisher = text(pub.get("name"));
    }
    String headline = text(article.get("headline"));
    List<String> sections = new ArrayList<>(strings(article.get("articleSection")));
    JsonNode keywords = article.get("keywords");
    if (keywords != null && keywords.isTextual()) {
      for (String k : keywords.asText().split(",")) {
        sections.add(k);
      }
    } else {
      sections.addAll(strings(keywords));
    }
    return new HtmlJsonLd(headline != null ? headline : text(article.get("name")),
        text(article.get("description")),
        firstText(article, "datePublished", "dateCreated", "uploadDate"),
        text(article.get("dateModified")),
        names(article.get("author")),
        url(article.get("image")),
        text(article.get("articleBody")),
        sections,
        firstNonNull(text(article.get("url")), url(article.get("mainEntityOfPage"))),
        text(article.get("inLanguage")),
        publisher);
  }

  /** Strips HTML comment and CDATA wrappers some CMSs put around the JSON. */
  private static String unwrap(String json) {
    String s = json;
    if (s.startsWith("<!--")) {
      s = s.substring(4);
    }
    if (s.endsWith("-->")) {
      s = s.substring(0, s.length() - 3);
    }
    s = s.replace("//<![CDATA[", "").replace("//]]>", "").replace("<![CDATA[", "").replace("]]>", "");
    return s.strip();
  }

  private static boolean isArticle(JsonNode n) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    for (String t : strings(type)) {
      if (ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasType(JsonNode n, String... types) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    for (String t : strings(type)) {
      for (String want : types) {
        if (t.equalsIgnoreCase(want)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Prefers the description carrying a body, then one with a headline: pages also describe related items. */
  private static boolean better(JsonNode candidate, JsonNode current) {
    if (current == null) {
      return true;
    }
    int c = (candidate.hasNonNull("articleBody") ? 2 : 0) + (candidate.hasNonNull("headline") ? 1 : 0);
    int k = (current.hasNonNull("articleBody") ? 2 : 0) + (current.hasNonNull("headline") ? 1 : 0);
    return c > k;
  }

  private static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String t = text(n.get(f));
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return null;
    }
    String t = n.asText().strip();
    return t.isEmpty() ? null : t;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        String t = text(x);
        if (t != null) {
          out.add(t);
        }
      }
    } else {
      String t = text(n);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Author names from a string, a Person/Organization object, or an array of either. */
  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    Iterable<JsonNode> items = n.isArray() ? n : List.of(n);
    for (JsonNode x : items) {
      String name = x.isObject() ? text(x.get("name")) : text(x);
      if (name != null && !name.startsWith("http")) {
        out.add(name);
      }
      if (out.size() >= 20) {
        break;
      }
    }
    return out;
  }

  /** A URL given as a string, an object with {@code url} or {@code @id}, or the first of an array. */
  private static String url(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : url(n.get(0));
    }
    if (n.isObject()) {
      return firstNonNull(text(n.get("url")), text(n.get("@id")));
    }
    return text(n);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
