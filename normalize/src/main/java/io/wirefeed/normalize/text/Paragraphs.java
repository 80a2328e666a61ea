package io.wirefeed.normalize.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain text into paragraphs. Blank lines separate paragraphs; inside a block, each line is
 * a paragraph unless the block is hard-wrapped copy (lines of similar width that continue each other
 * mid-sentence, as in old wire archives), where an indented line starts a new paragraph.
 */
public final class Paragraphs {
  private static final int MIN_WRAP_WIDTH = 40;
  private static final int MAX_WRAP_WIDTH = 100;

  private Paragraphs() {}

  public static List<String> split(String text) {
    String clean = clean(text);
    List<String> paragraphs = new ArrayList<>();
    List<String> block = new ArrayList<>();
    int from = 0;
    while (from <= clean.length()) {
      int nl = clean.indexOf('\n', from);
      String line = nl < 0 ? clean.substring(from) : clean.substring(from, nl);
      if (line.isBlank()) {
        flush(block, paragraphs);
      } else {
        block.add(line.stripTrailing());
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    flush(block, paragraphs);
    return paragraphs;
  }

  /** Unifies line ends and turns control characters (an archive's end-of-text marks, say) into spaces. */
  private static String clean(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        sb.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\uFEFF') {
        continue;
      } else if (c == '\n' || c == '\t') {
        sb.append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        sb.append(c == '\u2029' || c == '\u2028' ? '\n' : ' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void flush(List<String> block, List<String> out) {
    if (block.isEmpty()) {
      return;
    }
    if (block.size() == 1 || !isHardWrapped(block)) {
      for (String line : block) {
        addStripped(line, out);
      }
    } else {
      int width = width(block);
      StringBuilder current = new StringBuilder(block.get(0).strip());
      for (int i = 1; i < block.size(); i++) {
        String line = block.get(i);
        boolean indented = Character.isWhitespace(line.charAt(0));
        if (!indented && block.get(i - 1).length() * 2 >= width) {
          join(current, line.strip());
        } else {
          addStripped(current.toString(), out);
          current.setLength(0);
          current.append(line.strip());
        }
      }
      addStripped(current.toString(), out);
    }
    block.clear();
  }

  private static void join(StringBuilder current, String next) {
    int n = current.length();
    boolean brokenWord = n > 1 && current.charAt(n - 1) == '-' && Character.isLetter(current.charAt(n - 2))
        && (n < 3 || current.charAt(n - 3) != '-') && !next.isEmpty() && Character.isLowerCase(next.charAt(0));
    if (brokenWord) {
      current.setLength(n - 1);
    } else if (n > 0) {
      current.append(' ');
    }
    current.append(next);
  }

  private static boolean isHardWrapped(List<String> block) {
    int width = width(block);
    if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) {
      return false;
    }
    for (int i = 0; i + 1 < block.size(); i++) {
      String raw = block.get(i);
      String line = raw.strip();
      String next = block.get(i + 1);
      if (line.isEmpty() || next.isEmpty() || Character.isWhitespace(next.charAt(0))) {
        continue;
      }
      // an indented first line continued by a flush one: paragraphs wrapped with a first-line indent
      if (raw.startsWith("  ") && raw.length() * 5 >= width * 3) {
        return true;
      }
      char last = line.charAt(line.length() - 1);
      if (".!?:»”\"".indexOf(last) < 0 && Character.isLowerCase(next.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static int width(List<String> block) {
    int width = 0;
    for (String line : block) {
      width = Math.max(width, line.length());
    }
    return width;
  }

  private static void addStripped(String s, List<String> out) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
