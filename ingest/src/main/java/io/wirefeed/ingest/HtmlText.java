package io.wirefeed.ingest;

import io.wirefeed.model.TextRepair;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns feed text that may hold markup or entities ("&lt;b&gt;", "&amp;eacute;") into plain text, with the
 * encoding defects of {@link TextRepair} repaired.
 */
final class HtmlText {
  private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[A-Za-z/!]|&(#?[A-Za-z0-9]+);");

  private HtmlText() {}

  /**
   * For fields that should be plain but often carry escaped HTML (RSS titles): decoded when it
   * looks like markup, otherwise kept as written so "AT&T" or "a < b" survive.
   */
  static String plainIfMarkup(String text) {
    return text != null && LOOKS_LIKE_MARKUP.matcher(text).find() ? plain(text) : collapse(text);
  }

  /** Plain text with collapsed whitespace, or null when nothing is left. */
  static String plain(String htmlOrText) {
    if (htmlOrText == null) {
      return null;
    }
    String text = htmlOrText.indexOf('<') >= 0 || htmlOrText.indexOf('&') >= 0
        ? Jsoup.parseBodyFragment(htmlOrText).text()
        : htmlOrText;
    String collapsed = TextRepair.repair(text).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  /**
   * A display title for an item that has none (RSS allows a description alone): its first
   * sentence, cut at a word boundary near {@code max} characters.
   */
  static String titleFromSummary(String summary, int max) {
    if (summary == null) {
      return null;
    }
    int sentence = summary.indexOf(". ");
    String first = sentence > 0 && sentence < max ? summary.substring(0, sentence + 1) : summary;
    if (first.length() <= max) {
      return first;
    }
    int cut = first.lastIndexOf(' ', max);
    return first.substring(0, cut > max / 2 ? cut : max).strip() + "\u2026";
  }

  /** Collapses whitespace only: for text that is declared plain and must stay as written. */
  static String collapse(String text) {
    if (text == null) {
      return null;
    }
    String collapsed = TextRepair.repair(text).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }
}
