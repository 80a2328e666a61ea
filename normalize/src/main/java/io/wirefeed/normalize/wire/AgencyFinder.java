package io.wirefeed.normalize.wire;

import io.wirefeed.model.Dateline;
import io.wirefeed.normalize.lang.Prose;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which agency wrote a story, strongest evidence first: the dateline, a byline ("Par AFP",
 * "By Reuters", "Von dpa") or an agency-only sign-off line, a credit line ("Reporting by ...;
 * Editing by ..." is Reuters' house style, "© AFP"), then the feed's configured agency, then the host.
 */
public final class AgencyFinder {
  /** How many lines at each end of the text may hold a byline or a sign-off. */
  private static final int EDGE_LINES = 10;

  private static final String ALIASES = Agencies.aliasAlternation();
  /** An alias must end the line or be followed by what usually follows an agency in a byline. */
  private static final String ALIAS_END = "(?=\\s*(?:$|[,.;:)|/\\]–—-]|\\s(?:(?i)staff|and|et|y|und|e|avec|with|mit"
      + "|con|com|en|in|im|à|a|news)\\b))";
  private static final Pattern BYLINE = Pattern.compile("^(?:(?iu:by|par|por|von|di|da|de|door|with|avec|mit|con|com"
      + "|source|sources|fuente|quelle|fonte|texte|text|texto|testo)\\s*:?\\s*(?:[^()]{0,60}?\\b(?iu:with|avec|mit|con|com"
      + "|and|et|y|und|e)\\s+)?(?iu:the\\s+|l'|l’|la\\s+|el\\s+|a\\s+|die\\s+|der\\s+)?)(?<agency>" + ALIASES + ")"
      + ALIAS_END);
  private static final Pattern BYLINE_BRACKETED = Pattern.compile(
      "^(?iu:by|par|por|von|di|da|de|door)\\s+[^()]{2,60}\\((?<agency>" + ALIASES + ")\\)\\s*$");
  private static final Pattern ALONE = Pattern.compile(
      "^[\\s(\\[–—-]*(?<agency>" + ALIASES + ")[\\s)\\].]*(?:\\s+[a-z]{1,5}(?:[/-][a-z]{1,5}){0,6})?\\s*$");
  /** A sign-off run into the last sentence, as in old archives: "... 4.4 MM. REUTER". */
  private static final Pattern TRAILING_SIGNOFF = Pattern.compile(
      "(?<=[.!?\"”»])\\s+[(\\[]?(?<agency>(?i:" + ALIASES + "))[)\\]]?\\.?\\s*$");
  private static final Pattern REUTERS_CREDIT = Pattern.compile(
      "(?iu)^[(\\[]?\\s*(?:additional\\s+)?reporting\\s+by\\b.{0,200}(?:editing|writing)\\s+by\\b");
  private static final Pattern COPYRIGHT = Pattern.compile(
      "(?:©|&copy;|&#169;|\\((?i:c)\\)|(?i:copyright))\\s*(?:(?:19|20)\\d{2}\\s*(?:[-–]\\s*(?:19|20)\\d{2}\\s*)?)?,?\\s*"
          + "(?iu:by\\s+)?(?iu:the\\s+|l'|l’)?(?<agency>" + ALIASES + ")" + ALIAS_END);

  /**
   * The canonical agency, or null when nothing names one.
   *
   * @param lines the text's lines or paragraphs, chrome included (bylines and credit lines live there)
   * @param markup the raw page when it is HTML (its footer may hold a copyright line), else null
   */
  public String find(Dateline dateline, List<String> lines, List<String> authors, String markup, String hint, String host) {
    if (dateline != null && dateline.agency() != null) {
      return dateline.agency();
    }
    for (String author : authors) {
      String canonical = Agencies.canonical(author);
      if (canonical != null) {
        return canonical;
      }
    }
    String fromLines = fromLines(lines);
    if (fromLines != null) {
      return fromLines;
    }
    if (markup != null) {
      String tail = markup.length() > 2_000_000 ? markup.substring(markup.length() - 2_000_000) : markup;
      String copyright = copyrightIn(tail);
      if (copyright != null) {
        return copyright;
      }
    }
    if (hint != null && !hint.isBlank()) {
      String canonical = Agencies.canonical(hint);
      return canonical != null ? canonical : hint.strip();
    }
    return Agencies.byHost(host);
  }

  private static String fromLines(List<String> lines) {
    int n = lines.size();
    String credit = null;
    for (int i = 0; i < n; i++) {
      if (i >= EDGE_LINES && i < n - EDGE_LINES) {
        i = n - EDGE_LINES - 1;
        continue;
      }
      String line = lines.get(i).strip();
      if (line.length() > 300) {
        continue;
      }
      if (line.length() <= 100 && !Prose.endsLikeProse(line, 6)) {
        for (Pattern p : List.of(BYLINE, BYLINE_BRACKETED, ALONE)) {
          Matcher m = p.matcher(line);
          if (m.find()) {
            return Agencies.canonical(m.group("agency"));
          }
        }
      }
      if (credit == null) {
        credit = credit(line);
      }
    }
    for (int i = Math.max(0, n - 2); i < n; i++) {
      String line = lines.get(i);
      Matcher m = TRAILING_SIGNOFF.matcher(line.length() > 80 ? line.substring(line.length() - 80) : line);
      if (m.find()) {
        return Agencies.canonical(m.group("agency"));
      }
    }
    return credit;
  }

  /**
   * The agency of the first copyright notice in the page, as {@code COPYRIGHT.matcher(markup).find()} would see it.
   * Running the pattern's five-way alternation at every one of a page's 100,000 characters was a third of the time
   * spent on a page, so only the spots where a notice can open are tried, in order (the first hit is the leftmost
   * match, as with find); transparent bounds let the pattern see the text around the region as find does.
   */
  private static String copyrightIn(String markup) {
    Matcher m = COPYRIGHT.matcher(markup).useTransparentBounds(true).useAnchoringBounds(false);
    int n = markup.length();
    for (int i = 0; i < n; i++) {
      if (mayOpenCopyright(markup, i) && m.region(i, n).lookingAt()) {
        return Agencies.canonical(m.group("agency"));
      }
    }
    return null;
  }

  /** Whether a copyright notice may start here: "©", "&copy;", "&#169;", "(c)" or "copyright" in any case. */
  private static boolean mayOpenCopyright(String s, int i) {
    char c = s.charAt(i);
    return switch (c) {
      case '©' -> true;
      case '&' -> s.startsWith("&copy;", i) || s.startsWith("&#169;", i);
      case '(' -> i + 1 < s.length() && (s.charAt(i + 1) == 'c' || s.charAt(i + 1) == 'C');
      case 'c', 'C' -> s.regionMatches(true, i, "copyright", 0, 9);
      default -> false;
    };
  }

  private static String credit(String line) {
    if (REUTERS_CREDIT.matcher(line).find()) {
      return "Reuters";
    }
    Matcher m = COPYRIGHT.matcher(line);
    return m.find() ? Agencies.canonical(m.group("agency")) : null;
  }
}
