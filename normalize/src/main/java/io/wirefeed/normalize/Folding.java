package io.wirefeed.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive keys for table look-ups (agency aliases, month names, outlets). */
final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String SEPARATORS = " \t\n\r\u00A0-‐‑–—_/.’'`´";

  private Folding() {}

  /** Lower case, accents removed, punctuation that varies between spellings turned into single spaces. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    boolean ascii = isAscii(s);
    String base = ascii ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder out = new StringBuilder(base.length());
    boolean pendingSpace = false;
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (SEPARATORS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        // ASCII is lowered here, saving a copy of the key: this runs for every word the finders look at
        out.append(ascii && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
    }
    return ascii ? out.toString() : out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
