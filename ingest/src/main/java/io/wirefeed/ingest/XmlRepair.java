package io.wirefeed.ingest;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Text-level fixes that turn the usual broken feed into well-formed XML without ever expanding an
 * entity: the DOCTYPE is cut out (so no DTD, external entity or billion-laughs expansion can
 * happen), junk before the first tag is dropped, bare {@code &} are escaped, HTML named entities
 * become numeric references and unknown ones are kept as literal text.
 */
final class XmlRepair {
  private static final Pattern PROTECTED = Pattern.compile("(?s)<!\\[CDATA\\[.*?]]>|<!--.*?-->");
  private static final Pattern AMPERSAND =
      Pattern.compile("&(?:(#[0-9]{1,7};)|(#[xX][0-9a-fA-F]{1,6};)|([A-Za-z][A-Za-z0-9]{0,31});)?");
  private static final Pattern ILLEGAL_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
  private static final Pattern PREFIX_USE =
      Pattern.compile("<\\/?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
  private static final Pattern ELEMENT_START = Pattern.compile("<[A-Za-z_]");
  /** The root element of every format read: RSS, RDF, Atom, news sitemaps. */
  private static final Pattern FEED_ROOT =
      Pattern.compile("<(?:rss|feed|(?:rdf:)?RDF|urlset)(?=[\\s>/])", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_PAGE = Pattern.compile("<(?:html|head|body)[\\s>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
  /** Namespaces feeds use without declaring them; Rome recognizes its modules by these URIs. */
  private static final Map<String, String> KNOWN_NAMESPACES = Map.of(
      "dc", "http://purl.org/dc/elements/1.1/",
      "content", "http://purl.org/rss/1.0/modules/content/",
      "media", "http://search.yahoo.com/mrss/",
      "atom", "http://www.w3.org/2005/Atom",
      "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "sy", "http://purl.org/rss/1.0/modules/syndication/",
      "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "slash", "http://purl.org/rss/1.0/modules/slash/",
      "georss", "http://www.georss.org/georss");

  private XmlRepair() {}

  /**
   * Always applied: drops a byte-order mark and anything before the first {@code <}, and removes a
   * DOCTYPE declaration with its internal subset.
   */
  static String prepare(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) != '<') {
      start++;
    }
    String xml = start < text.length() ? text.substring(start) : "";
    // A comment before the XML declaration makes it illegal; cut up to it unless an element comes
    // first (then the declaration is quoted content, not the prolog).
    int decl = xml.indexOf("<?xml");
    if (decl > 0 && decl + 5 < xml.length() && Character.isWhitespace(xml.charAt(decl + 5))
        && !ELEMENT_START.matcher(xml.substring(0, decl)).find()) {
      xml = xml.substring(decl);
    }
    return stripDoctype(withoutLeadingErrorMarkup(xml));
  }

  /**
   * A server-side warning printed before the feed ("&lt;br /&gt;&lt;b&gt;Warning&lt;/b&gt;: Cannot modify
   * header information...") puts elements in front of the root. When the first element is not a feed root,
   * one comes later and what precedes it is a fragment rather than an HTML page, the fragment is cut (with
   * the XML declaration that follows it, if any, kept).
   */
  private static String withoutLeadingErrorMarkup(String xml) {
    int first = rootStart(xml);
    if (first < 0 || FEED_ROOT.matcher(xml).region(first, xml.length()).lookingAt()) {
      return xml;
    }
    Matcher root = FEED_ROOT.matcher(xml);
    if (!root.find(first)) {
      return xml;
    }
    String junk = xml.substring(0, root.start());
    if (HTML_PAGE.matcher(junk).find()) {
      return xml;
    }
    int decl = junk.lastIndexOf("<?xml");
    return xml.substring(decl >= 0 ? decl : root.start());
  }

  /** Applied after a strict parse failed: entities, bare ampersands, illegal control characters. */
  static String repair(String xml) {
    StringBuilder out = new StringBuilder(xml.length() + 64);
    Matcher keep = PROTECTED.matcher(xml);
    int at = 0;
    while (keep.find()) {
      out.append(repairSpan(xml.substring(at, keep.start())));
      out.append(ILLEGAL_CHARS.matcher(keep.group()).replaceAll(""));
      at = keep.end();
    }
    out.append(repairSpan(xml.substring(at)));
    return declarePrefixes(out.toString());
  }

  /**
   * Last resort for broken nesting: jsoup's lenient XML parser closes what is left open and drops
   * stray end tags, and its output is well-formed XML to hand back to the strict parser.
   */
  static String rebuild(String xml) {
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .prettyPrint(false);
    return declarePrefixes(doc.outerHtml());
  }

  /** Declares on the root element every namespace prefix used but never declared. */
  static String declarePrefixes(String xml) {
    Set<String> used = new LinkedHashSet<>();
    Matcher m = PREFIX_USE.matcher(xml);
    while (m.find()) {
      String prefix = m.group(1) != null ? m.group(1) : m.group(2);
      if (!prefix.equals("xmlns") && !prefix.equals("xml")) {
        used.add(prefix);
      }
    }
    StringBuilder declarations = new StringBuilder();
    for (String prefix : used) {
      if (!Pattern.compile("xmlns:" + Pattern.quote(prefix) + "\\s*=").matcher(xml).find()) {
        String uri = KNOWN_NAMESPACES.getOrDefault(prefix.toLowerCase(Locale.ROOT), "urn:x-undeclared:" + prefix);
        declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
      }
    }
    if (declarations.length() == 0) {
      return xml;
    }
    int root = rootStart(xml);
    if (root < 0) {
      return xml;
    }
    Matcher name = ROOT_START.matcher(xml);
    if (!name.find(root) || name.start() != root) {
      return xml;
    }
    return xml.substring(0, name.end()) + declarations + xml.substring(name.end());
  }

  /** Index of the root element's '<', skipping the prolog (declaration, PIs, comments, DOCTYPE); -1 if none. */
  static int rootStart(String xml) {
    int i = 0;
    while (i < xml.length()) {
      if (Character.isWhitespace(xml.charAt(i))) {
        i++;
      } else if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i);
        i = end < 0 ? xml.length() : end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i);
        i = end < 0 ? xml.length() : end + 3;
      } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int end = doctypeEnd(xml, i + 9);
        i = end < 0 ? xml.length() : end;
      } else {
        return xml.charAt(i) == '<' ? i : -1;
      }
    }
    return -1;
  }

  private static String repairSpan(String span) {
    String clean = ILLEGAL_CHARS.matcher(span).replaceAll("");
    Matcher m = AMPERSAND.matcher(clean);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(fixAmpersand(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String fixAmpersand(Matcher m) {
    if (m.group(1) != null || m.group(2) != null) {
      String ref = m.group(1) != null ? m.group(1) : m.group(2);
      int cp = ref.charAt(1) == 'x' || ref.charAt(1) == 'X'
          ? Integer.parseInt(ref.substring(2, ref.length() - 1), 16)
          : Integer.parseInt(ref.substring(1, ref.length() - 1));
      return isXmlChar(cp) ? m.group() : "";
    }
    String name = m.group(3);
    if (name == null) {
      return "&amp;";
    }
    if (XML_ENTITIES.contains(name)) {
      return m.group();
    }
    String chars = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
    if (chars.isEmpty()) {
      // Unknown entity: keep it visible as text rather than guess or expand it.
      return "&amp;" + name + ";";
    }
    StringBuilder refs = new StringBuilder();
    chars.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
    return refs.toString();
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** Removes the {@code <!DOCTYPE ...>} of the prolog, internal subset and quoted strings included. */
  static String stripDoctype(String xml) {
    int i = 0;
    while (i < xml.length()) {
      if (Character.isWhitespace(xml.charAt(i))) {
        i++;
      } else if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i);
        i = end < 0 ? xml.length() : end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i);
        i = end < 0 ? xml.length() : end + 3;
      } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int end = doctypeEnd(xml, i + 9);
        // An unterminated DOCTYPE swallows the document: nothing safe is left to parse.
        xml = xml.substring(0, i) + (end < 0 ? "" : xml.substring(end));
      } else {
        return xml;
      }
    }
    return xml;
  }

  private static int doctypeEnd(String xml, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '<' && xml.startsWith("<!--", i)) {
        // Comments in the internal subset may hold quotes, brackets and '>' of their own.
        int close = xml.indexOf("-->", i + 4);
        if (close < 0) {
          return -1;
        }
        i = close + 2;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == '>' && depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

}
