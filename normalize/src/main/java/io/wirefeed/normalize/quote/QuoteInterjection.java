package io.wirefeed.normalize.quote;

import java.util.List;

/**
 * An attribution printed inside the quotation marks: the Spanish dash interjection ("saliendo
 * adelante —dijo Boric—, y vamos"), the Italian spaced dash ("- ha detto il ministro -") and the
 * French incise (", a-t-il ajouté,"). It is cut out of the quoted words and becomes the
 * attribution.
 */
final class QuoteInterjection {
  private QuoteInterjection() {}

  private static final int MAX_MARKS = 20;
  private static final int MAX_LENGTH = 160;

  /** The quoted words without the interjection, and the attribution it held. */
  record Result(String text, Attribution attribution) {}

  static Result find(String text, AttributionFinder finder, String language) {
    Result dash = dashed(text, finder, language);
    if (dash != null || language.equals("en") || language.equals("de")) {
      return dash;
    }
    return incise(text, finder, language);
  }

  /** "—dijo Dal Poggetto—", "- ha spiegato il ministro -": an attribution between dashes. */
  private static Result dashed(String text, AttributionFinder finder, String language) {
    int seen = 0;
    for (int d = 0; d < text.length() && seen < MAX_MARKS; d++) {
      int width = dashWidth(text, d, language);
      if (width == 0) {
        continue;
      }
      seen++;
      int from = d + width;
      int to = nextDash(text, from, language);
      if (to - from > MAX_LENGTH || to <= from) {
        continue;
      }
      List<AttributionToken> toks =
          AttributionTokenizer.tokenize(text.substring(from, to), List.of()).tokens();
      if (toks.isEmpty() || !toks.get(0).isWord()) {
        continue;
      }
      Attribution a = finder.afterAt(toks, 0, endOfClause(toks));
      if (a == null) {
        continue;
      }
      int resume = to < text.length() ? to + Math.max(dashWidth(text, to, language), 1) : to;
      return new Result(
          join(text.substring(0, d), text.substring(Math.min(resume, text.length()))), a);
    }
    return null;
  }

  /**
   * ", a-t-il poursuivi,", ", a expliqué M. Kishida.", ", dijo,": a verb-first attribution between
   * commas (or ending the quoted sentence) inside the marks of a Romance-language quotation.
   */
  private static Result incise(String text, AttributionFinder finder, String language) {
    int seen = 0;
    for (int d = 0; d < text.length() && seen < MAX_MARKS; d++) {
      if (text.charAt(d) != ',') {
        continue;
      }
      seen++;
      int from = d + 1;
      int limit = Math.min(text.length(), from + MAX_LENGTH);
      List<AttributionToken> toks =
          AttributionTokenizer.tokenize(text.substring(from, limit), List.of()).tokens();
      if (toks.isEmpty() || !toks.get(0).isWord()) {
        continue;
      }
      int end = clauseEnd(toks);
      if (end == toks.size() && limit < text.length()) {
        continue;
      }
      AttributionVerbMatcher.VerbMatch verb = finder.match(toks, 0, end);
      if (verb == null || verb.type() != AttributionVerbMatcher.VerbType.FINITE) {
        continue;
      }
      Attribution a = finder.afterAt(toks, 0, end);
      if (a == null
          || !(verb.clitic() != null
              || a.kind() == Attribution.Kind.PRONOUN
              || (a.kind() == Attribution.Kind.PHRASE && namesSomeone(a.subject()))
              || (a.kind() == Attribution.Kind.DROPPED && verb.end() == end))) {
        continue;
      }
      String tail = "";
      if (end < toks.size()) {
        AttributionToken stop = toks.get(end);
        tail = text.substring(from + (stop.isPunct(",") ? stop.end() : stop.start()));
      }
      return new Result(join(text.substring(0, d), tail), a);
    }
    return null;
  }

  private static boolean namesSomeone(List<AttributionToken> subject) {
    for (AttributionToken t : subject) {
      if (t.capitalized() || SpeakerRoles.roleOf(t.lower()) != null) {
        return true;
      }
    }
    return false;
  }

  private static int clauseEnd(List<AttributionToken> toks) {
    for (int k = 0; k < toks.size(); k++) {
      AttributionToken t = toks.get(k);
      if (t.isPunct(",") || t.isPunct(".") || t.isPunct(";") || t.isPunct("!") || t.isPunct("?")) {
        return k;
      }
    }
    return toks.size();
  }

  private static int endOfClause(List<AttributionToken> toks) {
    for (int k = 0; k < toks.size(); k++) {
      AttributionToken t = toks.get(k);
      if (t.isPunct(".") || t.isPunct(";") || t.isPunct("!") || t.isPunct("?")) {
        return k;
      }
    }
    return toks.size();
  }

  /** Width of a dash that opens or closes an interjection at {@code i}, or 0. */
  private static int dashWidth(String text, int i, String language) {
    char c = text.charAt(i);
    if (c == '—' || c == '―' || c == '–') {
      return 1;
    }
    boolean spacedHyphen =
        c == '-'
            && i > 0
            && i + 1 < text.length()
            && AttributionTokenizer.isSpace(text.charAt(i - 1))
            && AttributionTokenizer.isSpace(text.charAt(i + 1));
    return spacedHyphen && !language.equals("en") ? 1 : 0;
  }

  /** The next dash, or the end of the text when it is near; beyond MAX_LENGTH the search stops. */
  private static int nextDash(String text, int from, String language) {
    int limit = Math.min(text.length(), from + MAX_LENGTH + 1);
    for (int k = from; k < limit; k++) {
      if (dashWidth(text, k, language) > 0) {
        return k;
      }
    }
    return limit;
  }

  private static String join(String head, String tail) {
    String h = strip(head);
    String t = strip(tail);
    if (t.isEmpty()) {
      return h;
    }
    if (h.isEmpty()) {
      return t;
    }
    char first = t.charAt(0);
    if (first == ','
        || first == '.'
        || first == ';'
        || first == ':'
        || first == '!'
        || first == '?') {
      return h + t;
    }
    return h + " " + t;
  }

  static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && AttributionTokenizer.isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && AttributionTokenizer.isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }
}
