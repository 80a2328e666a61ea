package io.wirefeed.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive keys for table look-ups (agency aliases, month names, outlets). */
final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-‐‑–—_/.’'`´]+");

  private Folding() {}

  /** Lower case, accents removed, punctuation that varies between spellings turned into single spaces. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    String noMarks = MARKS.matcher(decomposed).replaceAll("");
    return SEPARATORS.matcher(noMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
