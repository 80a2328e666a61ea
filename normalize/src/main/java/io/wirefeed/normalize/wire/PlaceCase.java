package io.wirefeed.normalize.wire;

import java.util.Locale;
import java.util.Set;

/**
 * Puts a place printed in capitals (or without any) back into normal case: "RIO DE JANEIRO" -> "Rio de Janeiro",
 * "KNOKKE-HEIST" -> "Knokke-Heist", "ST. LOUIS" -> "St. Louis". Places already in mixed case are
 * left exactly as printed, since the wire's own spelling ("San Lorenzo de El Escorial") is the truth.
 */
public final class PlaceCase {
  /** Words kept in lower case inside a place name in the six languages (and Dutch, for "aan"). */
  private static final Set<String> PARTICLES = Set.of(
      "de", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les",
      "el", "los", "las", "lo", "sur", "sous", "am", "an", "im", "in", "upon", "on", "en", "y", "e", "of",
      "the", "al", "der", "den", "van", "von", "aan", "op", "zu", "bei", "ob", "ter", "lès", "lez", "sul",
      "sulla", "au", "aux", "et", "und", "and", "d", "l");

  private PlaceCase() {}

  /** The segment in normal case; {@code keepShortUpper} keeps two-letter codes ("NY") as printed. */
  public static String normal(String segment, boolean keepShortUpper) {
    if (segment == null || !(isAllCaps(segment) || isAllLower(segment))) {
      return segment;
    }
    String[] words = segment.split(" ", -1);
    StringBuilder out = new StringBuilder(segment.length());
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(word(words[i], i == 0, keepShortUpper));
    }
    return out.toString();
  }

  static boolean isAllCaps(String s) {
    boolean anyLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      anyLetter |= Character.isLetter(c);
    }
    return anyLetter;
  }

  private static boolean isAllLower(String s) {
    boolean anyLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        return false;
      }
      anyLetter |= Character.isLetter(c);
    }
    return anyLetter;
  }

  private static String word(String w, boolean first, boolean keepShortUpper) {
    if (w.isEmpty()) {
      return w;
    }
    if (w.matches("(?:\\p{Lu}\\.)+\\p{Lu}?\\.?")) {
      return w; // initials such as N.Y. or D.C.
    }
    String letters = w.replaceAll("[^\\p{L}]", "");
    if (keepShortUpper && letters.length() == 2 && letters.equals(w)) {
      return w;
    }
    StringBuilder out = new StringBuilder(w.length());
    int partStart = 0;
    boolean firstPart = first;
    for (int i = 0; i <= w.length(); i++) {
      if (i == w.length() || w.charAt(i) == '-' || w.charAt(i) == '\'' || w.charAt(i) == '’' || w.charAt(i) == '.') {
        out.append(part(w.substring(partStart, i), firstPart));
        if (i < w.length()) {
          out.append(w.charAt(i));
        }
        partStart = i + 1;
        firstPart = false;
      }
    }
    return out.toString();
  }

  private static String part(String p, boolean first) {
    if (p.isEmpty()) {
      return p;
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (!first && PARTICLES.contains(lower)) {
      return lower;
    }
    if (lower.startsWith("mc") && lower.length() > 3) {
      return "Mc" + capitalize(lower.substring(2));
    }
    return capitalize(lower);
  }

  private static String capitalize(String lower) {
    int first = lower.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
        .append(lower, Character.charCount(first), lower.length()).toString();
  }
}
