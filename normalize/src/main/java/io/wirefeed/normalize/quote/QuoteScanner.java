package io.wirefeed.normalize.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the quotations of a body: every quote-mark convention, nesting, and quotations that run
 * over several paragraphs.
 *
 * <p>One pass over the characters with a small stack of open marks. Only outermost quotations are
 * reported: a nested quotation is part of the words of the one around it. A quotation left open at
 * the end of a paragraph continues when the next paragraph opens with a quote mark (the wire
 * convention); otherwise it ends with its paragraph and is reported as not closed.
 */
final class QuoteScanner {
  private QuoteScanner() {}

  private static final int MAX_DEPTH = 8;

  /** A quotation still open at the end of a paragraph. */
  private static final class Pending {
    final int paragraph;
    final int open;
    final int end;
    final char mark;
    final StringBuilder text = new StringBuilder();
    int lastParagraph;
    int lastLength;

    Pending(int paragraph, int open, int end, char mark) {
      this.paragraph = paragraph;
      this.open = open;
      this.end = end;
      this.mark = mark;
    }

    QuoteSpan span(int closeParagraph, int closeEnd, boolean closed) {
      return new QuoteSpan(
          paragraph, open, end, closeParagraph, closeEnd, text.toString(), mark, closed);
    }
  }

  static List<QuoteSpan> scan(List<String> paragraphs) {
    List<QuoteSpan> out = new ArrayList<>();
    Pending pending = null;
    char[] stack = new char[MAX_DEPTH];
    for (int p = 0; p < paragraphs.size(); p++) {
      String t = paragraphs.get(p) == null ? "" : paragraphs.get(p);
      int n = t.length();
      int depth = 0;
      int i = 0;
      int open = -1;
      int contentStart = 0;
      if (pending != null) {
        int k = skipSpaces(t, 0);
        if (k < n && isContinuationMark(t.charAt(k))) {
          pending.text.append(' ');
          stack[0] = pending.mark;
          depth = 1;
          i = skipSpaces(t, k + 1);
          contentStart = i;
        } else {
          out.add(pending.span(pending.lastParagraph, pending.lastLength, false));
          pending = null;
        }
      }
      if (pending == null && depth == 0) {
        int k = skipSpaces(t, 0);
        if (k + 1 < n && isDialogueDash(t, k)) {
          out.add(new QuoteSpan(p, k, n, p, n, t.substring(k + 1), '—', false));
        }
      }
      for (; i < n; i++) {
        char c = t.charAt(i);
        if (!isMark(c)) {
          continue;
        }
        char prev = i > 0 ? t.charAt(i - 1) : ' ';
        char next = i + 1 < n ? t.charAt(i + 1) : ' ';
        if (depth > 0) {
          int level = closingLevel(stack, depth, c, prev, next);
          if (level < 0 && c == '“' && stack[depth - 1] == '“' && skipSpaces(t, i + 1) >= n) {
            level = depth - 1; // a closing mark typed as an opening one, ending the paragraph
          }
          if (level >= 0) {
            depth = level;
            if (depth == 0) {
              if (pending != null) {
                pending.text.append(t, contentStart, i);
                out.add(pending.span(p, i + 1, true));
                pending = null;
              } else {
                out.add(
                    new QuoteSpan(
                        p, open, i + 1, p, i + 1, t.substring(contentStart, i), stack[0], true));
              }
            }
            continue;
          }
          if (depth < MAX_DEPTH && opens(c, prev, next, true)) {
            stack[depth++] = c;
          }
        } else if (opens(c, prev, next, false)) {
          stack[depth++] = c;
          open = i;
          contentStart = i + 1;
        }
      }
      if (depth > 0) {
        if (pending == null) {
          if (isSingle(stack[0])) {
            continue;
          }
          pending = new Pending(p, open, n, stack[0]);
        }
        pending.text.append(t, Math.min(contentStart, n), n);
        pending.lastParagraph = p;
        pending.lastLength = n;
      }
    }
    if (pending != null) {
      out.add(pending.span(pending.lastParagraph, pending.lastLength, false));
    }
    return out;
  }

  private static int skipSpaces(String t, int from) {
    int k = from;
    while (k < t.length() && AttributionTokenizer.isSpace(t.charAt(k))) {
      k++;
    }
    return k;
  }

  /** A paragraph of dialogue opened by a dash ("—No vamos a rendirnos —afirmó el ministro—."). */
  private static boolean isDialogueDash(String t, int k) {
    char c = t.charAt(k);
    if (c != '—' && c != '―' && c != '–') {
      return false;
    }
    int j = k + 1;
    if (j < t.length() && AttributionTokenizer.isSpace(t.charAt(j)) && c != '–') {
      j++;
    }
    return j < t.length()
        && (Character.isLetter(t.charAt(j)) || t.charAt(j) == '¿' || t.charAt(j) == '¡');
  }

  private static boolean isMark(char c) {
    return switch (c) {
      case '"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '‚', '「', '」', '『', '』' -> true;
      default -> false;
    };
  }

  private static boolean isSingle(char c) {
    return c == '‘' || c == '‚' || c == '‹' || c == '›';
  }

  private static boolean isContinuationMark(char c) {
    return c == '“' || c == '"' || c == '«' || c == '»' || c == '„' || c == '”' || c == '「'
        || c == '『';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isSpace(char c) {
    return AttributionTokenizer.isSpace(c);
  }

  private static int closingLevel(char[] stack, int depth, char c, char prev, char next) {
    for (int d = depth - 1; d >= 0; d--) {
      if (closes(stack[d], c, prev, next)) {
        return d;
      }
    }
    return -1;
  }

  private static boolean closes(char open, char c, char prev, char next) {
    return switch (open) {
      case '“' -> c == '”' || ((c == '“' || c == '"') && !isWordChar(next) && !isSpace(prev));
      case '„' -> c == '“' || c == '”' || (c == '"' && !isSpace(prev));
      case '"' -> c == '"' || (c == '”' && !isSpace(prev));
      case '”' -> c == '”';
      case '«' -> c == '»';
      case '»' -> c == '«';
      case '‹' -> c == '›';
      case '›' -> c == '‹';
      case '‘' -> (c == '’' || c == '‘') && !isWordChar(next) && !isSpace(prev);
      case '‚' -> (c == '‘' || c == '’') && !isWordChar(next);
      case '「' -> c == '」';
      case '『' -> c == '』';
      default -> false;
    };
  }

  private static boolean opens(char c, char prev, char next, boolean nested) {
    return switch (c) {
      case '“', '„', '«', '‹', '「', '『' -> true;
      case '"' -> !(isWordChar(prev) && (isSpace(next) || !isWordChar(next)));
      case '‘' -> (isSpace(prev) || isOpening(prev)) && !isSpace(next) && !Character.isDigit(next);
      case '‚' -> (isSpace(prev) || isOpening(prev)) && Character.isLetter(next);
      case '»', '›' -> !nested && isSpace(prev) && !isSpace(next);
      case '”' -> !nested && isSpace(prev) && Character.isLetter(next);
      default -> false;
    };
  }

  private static boolean isOpening(char c) {
    return c == '(' || c == '[' || c == '—' || c == '–' || c == '-' || c == '“' || c == '"'
        || c == '«' || c == '„' || c == ':';
  }
}
