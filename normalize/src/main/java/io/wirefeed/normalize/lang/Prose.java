package io.wirefeed.normalize.lang;

/**
 * The shape of a line of prose: whether it ends like a sentence, how many words it has. Shared by the
 * chrome filters of plain text and the credit-line scan of the agency finder.
 */
public final class Prose {

  private Prose() {}

  /** Whether the text ends like a sentence and has at least {@code minWords} words. */
  public static boolean endsLikeProse(String s, int minWords) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return ".!?…»”\"’'".indexOf(last) >= 0 && wordCount(t) >= minWords;
  }

  /** The number of words, counting runs of characters between spaces (no-break spaces included). */
  public static int wordCount(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00A0';
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }
}
