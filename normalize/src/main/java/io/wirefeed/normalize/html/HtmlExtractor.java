package io.wirefeed.normalize.html;

import io.wirefeed.normalize.text.ExtractedPage;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main article text and the page's own metadata from an HTML page, on Jsoup.
 *
 * <p>Pure and thread-safe (no state at all), and it never throws: a page that cannot be read gives an
 * {@link ExtractedPage} with no paragraphs. Work is bounded: pages are cut at {@link #MAX_PAGE_CHARS}, binary
 * bodies are refused before parsing, every DOM walk is iterative (pages nest 50,000 deep) and text collection stops
 * at {@link ContentBlocks#MAX_TEXT_CHARS}.
 */
public final class HtmlExtractor {
  /** Longest page parsed; the rest is cut. Articles sit well within the first megabytes of any real page. */
  static final int MAX_PAGE_CHARS = 6_000_000;
  /** Below this much text the page's own JSON-LD articleBody, when longer, is taken instead. */
  private static final int MIN_BODY_CHARS = 250;

  private static final ExtractedPage NOTHING = new ExtractedPage(null, null, List.of(), null, null, List.of(), null,
      null, null, null, List.of());

  public HtmlExtractor() {}

  /** The article on {@code html} fetched from {@code url} (either may be null). */
  public ExtractedPage extract(String html, String url) {
    if (html == null || html.isBlank() || looksBinary(html)) {
      return NOTHING;
    }
    try {
      return extractOrThrow(html, url);
    } catch (RuntimeException | StackOverflowError e) {
      // A parser or rule bug on one hostile page must not take the stage down; the caller sees an empty body.
      return NOTHING;
    }
  }

  /** {@link #extract} without the safety net, so tests and the dev harness see what went wrong. */
  ExtractedPage extractOrThrow(String html, String url) {
    String page = html.length() > MAX_PAGE_CHARS ? html.substring(0, MAX_PAGE_CHARS) : html;
    Document doc = Jsoup.parse(page, url == null ? "" : url);
    HtmlMetadata meta = HtmlMetadata.read(doc, url);
    Element body = doc.body();
    ContentExtractor.Result content = body == null ? new ContentExtractor.Result(List.of(), null)
        : ContentExtractor.extract(body, meta.headline(), meta.authors());
    List<String> paragraphs = preferDeclaredText(content.paragraphs(), meta.articleBody());
    // The byline printed in the text names the authors only when the page declares none.
    List<String> authors = meta.authors().isEmpty() && content.byline() != null
        ? HtmlMetadata.bylineNames(content.byline()) : meta.authors();
    return new ExtractedPage(meta.headline(), meta.summary(), paragraphs, meta.published(), meta.modified(),
        authors, meta.canonicalUrl(), meta.siteName(), meta.leadImage(), meta.language(),
        meta.categories());
  }

  /*
   * Metadata against text: the text found on the page wins, because JSON-LD articleBody is often a teaser, stale
   * after corrections, or stripped of paragraph breaks. The declared body is used only when the page's text
   * yields (almost) nothing, which is what pages that render their story with script look like.
   */
  private static List<String> preferDeclaredText(List<String> found, String declared) {
    int foundChars = 0;
    for (String p : found) {
      foundChars += p.length();
    }
    if (declared == null || foundChars >= MIN_BODY_CHARS || declared.length() <= foundChars * 2) {
      return found;
    }
    String text = declared.indexOf('<') >= 0 ? null : declared;
    List<String> out = new ArrayList<>();
    if (text == null) {
      Element fragment = Jsoup.parseBodyFragment(declared).body();
      for (ContentBlocks.Block b : ContentBlocks.of(fragment).blocks) {
        out.add(b.text());
      }
      return out;
    }
    for (String p : text.split("\\s*\\n\\s*(\\n\\s*)*")) {
      String t = p.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Binary served as text/html: control characters and decoding replacement characters in the first kilobytes.
   * Text in any script has almost none of either.
   */
  static boolean looksBinary(String s) {
    int n = Math.min(s.length(), 8192);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\uFFFD' || c == 0 || (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
        bad++;
      }
    }
    return bad > n / 20;
  }
}
