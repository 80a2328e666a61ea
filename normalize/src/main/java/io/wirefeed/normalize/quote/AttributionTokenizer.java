package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.AttributionToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into words, punctuation and quotation placeholders, then into sentences.
 *
 * <p>Quoted text is replaced by one placeholder token: attribution is read from the words around a
 * quotation, never from inside it. One pass over the characters, so a 5 MB line stays linear.
 */
final class AttributionTokenizer {
  private AttributionTokenizer() {}

  /** A paragraph's tokens and where each sentence starts (the last entry is the token count). */
  record Paragraph(List<AttributionToken> tokens, int[] sentenceStarts) {
    int sentenceCount() {
      return sentenceStarts.length - 1;
    }

    int sentenceOf(int token) {
      int lo = 0;
      int hi = sentenceStarts.length - 2;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (sentenceStarts[mid] <= token) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    int sentenceStartOf(int token) {
      return sentenceStarts[sentenceOf(token)];
    }

    int sentenceEndOf(int token) {
      return sentenceStarts[sentenceOf(token) + 1];
    }
  }

  /** A stretch of the paragraph that holds quotation {@code quote}. */
  record Hole(int start, int end, int quote) {}

  private static final Set<String> ABBREVIATIONS =
      AttributionVerbs.words(
          """
          mr mrs ms dr sen rep gov lt gen col sgt capt adm prof st jr sr sra srta mt ft mme mlle
          hr fr dott ing avv on sig jan feb mar apr jun jul aug sep sept oct nov dec no vs inc
          corp co ltd rev hon maj brig del cmdr supt insp det ave blvd dept est approx\
          """);

  private static final Set<String> ELISIONS =
      AttributionVerbs.words(
          "l d j qu n s c m t jusqu lorsqu puisqu quoiqu quelqu dell all dall nell sull coll un"
              + " po");

  /** The tokens [from, to) as printed, spaced like the text ("l'armée", "Smith's"). */
  static String printed(List<AttributionToken> toks, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      AttributionToken t = toks.get(k);
      boolean glue =
          b.length() == 0
              || t.lower().equals("'s")
              || (k > from
                  && (toks.get(k - 1).lower().endsWith("'") && toks.get(k - 1).end() == t.start()));
      if (!glue) {
        b.append(' ');
      }
      b.append(t.text());
    }
    return b.toString();
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || c == '\u00a0'
        || c == '\u202f'
        || c == '\u2007'
        || c == '\u2009'
        || c == '\u200b'
        || c == '\ufeff';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.isSurrogate(c);
  }

  static Paragraph tokenize(String text, List<Hole> holes) {
    List<AttributionToken> out = new ArrayList<>();
    int n = text.length();
    int h = 0;
    int i = 0;
    while (i < n) {
      if (h < holes.size() && i >= holes.get(h).start()) {
        Hole hole = holes.get(h++);
        out.add(
            AttributionToken.of("\"", "\"", hole.start(), hole.end(), Kind.QUOTE, hole.quote()));
        i = Math.max(i, hole.end());
        continue;
      }
      int limit = h < holes.size() ? holes.get(h).start() : n;
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (isWordChar(c)) {
        i = word(text, i, limit, out);
      } else {
        out.add(token(text, i, i + 1, Kind.PUNCT));
        i++;
      }
    }
    return new Paragraph(List.copyOf(out), sentences(out));
  }

  private static int word(String text, int from, int limit, List<AttributionToken> out) {
    int j = from;
    while (j < limit) {
      char c = text.charAt(j);
      if (isWordChar(c)) {
        j++;
      } else if ((c == '\'' || c == '’' || c == '-' || c == '.' || c == '‑')
          && j + 1 < limit
          && isWordChar(text.charAt(j + 1))
          && (c != '.' || j - from <= 3)) {
        j++;
      } else {
        break;
      }
    }
    if (j < limit && text.charAt(j) == '.') {
      String lower = text.substring(from, j).toLowerCase(Locale.ROOT);
      if (ABBREVIATIONS.contains(lower)
          || lower.indexOf('.') > 0
          || (j - from == 1 && Character.isUpperCase(text.charAt(from)))) {
        j++;
      }
    }
    int start = from;
    // French and Italian elisions ("l'armée", "dell'Onu") are two words; so is an English "'s".
    for (int k = from; k < j; k++) {
      char c = text.charAt(k);
      if ((c == '\'' || c == '’') && k > start) {
        String head = text.substring(start, k).toLowerCase(Locale.ROOT);
        if (ELISIONS.contains(head)) {
          out.add(token(text, start, k + 1, Kind.WORD));
          start = k + 1;
        } else if (k + 2 == j && (text.charAt(k + 1) == 's' || text.charAt(k + 1) == 'S')) {
          out.add(token(text, start, k, Kind.WORD));
          start = k;
          break;
        }
      }
    }
    if (start < j) {
      out.add(token(text, start, j, Kind.WORD));
    }
    return j;
  }

  private static AttributionToken token(String text, int start, int end, Kind kind) {
    String t = text.substring(start, end);
    return AttributionToken.of(
        t, t.toLowerCase(Locale.ROOT).replace('’', '\''), start, end, kind, -1);
  }

  private static int[] sentences(List<AttributionToken> tokens) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      AttributionToken t = tokens.get(i);
      if (t.kind() != Kind.PUNCT) {
        continue;
      }
      String p = t.text();
      if (!(p.equals(".") || p.equals("!") || p.equals("?") || p.equals("…") || p.equals(";"))) {
        continue;
      }
      AttributionToken next = tokens.get(i + 1);
      boolean opens =
          next.isQuote()
              || (next.isWord()
                  && (Character.isUpperCase(next.text().codePointAt(0))
                      || Character.isDigit(next.text().charAt(0))))
              || next.isPunct("—")
              || next.isPunct("–")
              || next.isPunct("(")
              || next.isPunct("¿")
              || next.isPunct("¡");
      if (opens && !p.equals(";")) {
        starts.add(i + 1);
      }
    }
    int[] out = new int[starts.size() + 1];
    for (int i = 0; i < starts.size(); i++) {
      out[i] = starts.get(i);
    }
    out[starts.size()] = tokens.size();
    return out;
  }
}
