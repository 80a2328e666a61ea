package io.wirefeed.normalize.lang;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive keys for table look-ups (agency aliases, month names, outlets). */
public final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String SEPARATORS = " \t\n\r\u00A0-‐‑–—_/.’'`´";

  /**
   * Each Latin-1 character with its accent removed and lowered, as the general path below folds it alone: the
   * accented letters of Western European copy are all Latin-1, and folding them here skips a Unicode normalization
   * and a regex per word. Decomposing Latin-1 gives a base letter and at most one mark, so folding a Latin-1 string
   * character by character gives the same key.
   */
  private static final char[] LATIN1_BASE = latin1Bases();

  private Folding() {}

  /** Lower case, accents removed, punctuation that varies between spellings turned into single spaces. */
  public static String key(String s) {
    if (s == null) {
      return "";
    }
    boolean latin1 = isLatin1(s);
    String base = latin1 ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder out = new StringBuilder(base.length());
    boolean pendingSpace = false;
    for (int i = 0; i < base.length(); i++) {
      char c = latin1 ? LATIN1_BASE[base.charAt(i)] : base.charAt(i);
      if (SEPARATORS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        // Latin-1 is lowered here, saving a copy of the key: this runs for every word the finders look at
        out.append(latin1 ? Character.toLowerCase(c) : c);
      }
    }
    return latin1 ? out.toString() : out.toString().toLowerCase(Locale.ROOT);
  }

  /** A Latin-1 character without its accent, not lowered ("É" gives "E"), as NFD and dropping marks give it. */
  public static char latin1Base(char c) {
    return LATIN1_BASE[c];
  }

  public static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private static char[] latin1Bases() {
    char[] bases = new char[0x100];
    for (char c = 0; c < bases.length; c++) {
      String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
      if (base.length() != 1 || base.charAt(0) > 0xFF) {
        throw new IllegalStateException("Latin-1 character U+" + Integer.toHexString(c) + " folds to " + base);
      }
      bases[c] = base.charAt(0);
    }
    return bases;
  }
}
