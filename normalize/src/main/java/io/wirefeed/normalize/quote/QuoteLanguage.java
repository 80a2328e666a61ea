package io.wirefeed.normalize.quote;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language whose attribution cues apply: the caller's BCP-47 code when it is one of the six,
 * else a guess from the most frequent function words of the body.
 */
final class QuoteLanguage {
  private QuoteLanguage() {}

  static final List<String> SUPPORTED = List.of("en", "fr", "es", "de", "pt", "it");

  private static final int MAX_WORDS = 3000;

  /** For each cue word, a bit per language of {@link #SUPPORTED} that uses it. */
  private static final Map<String, Integer> CUES =
      cues(
          "the and of to is that was for with he she said on by it his from",
          "le les des est et une dans pour qui sur avec du au il elle a été pas",
          "el los las del y en una por con para su al se fue dijo es como",
          "der die das und den ist nicht mit von zu ein eine sich auf dem des",
          "o os as do da dos das em um uma para com não foi ao se disse",
          "il gli della che di è un una per con non del alla sono ha nel");

  private static final int MAX_CUE_LENGTH = 6;

  private static Map<String, Integer> cues(String... perLanguage) {
    Map<String, Integer> m = new HashMap<>();
    for (int l = 0; l < perLanguage.length; l++) {
      for (String w : AttributionVerbs.words(perLanguage[l])) {
        m.merge(w, 1 << l, (a, b) -> a | b);
      }
    }
    return Map.copyOf(m);
  }

  static String resolve(String hint, List<String> paragraphs) {
    if (hint != null) {
      String primary = hint.trim().toLowerCase(Locale.ROOT);
      int dash = primary.indexOf('-');
      if (dash < 0) {
        dash = primary.indexOf('_');
      }
      if (dash > 0) {
        primary = primary.substring(0, dash);
      }
      if (SUPPORTED.contains(primary)) {
        return primary;
      }
    }
    return guess(paragraphs);
  }

  static String guess(List<String> paragraphs) {
    int[] counts = new int[SUPPORTED.size()];
    int words = 0;
    for (String p : paragraphs) {
      int i = 0;
      int n = p.length();
      while (i < n && words < MAX_WORDS) {
        while (i < n && !Character.isLetter(p.charAt(i))) {
          i++;
        }
        int s = i;
        while (i < n && Character.isLetter(p.charAt(i))) {
          i++;
        }
        if (i > s) {
          words++;
          // cue words are short: longer ones are skipped without building a string
          Integer mask =
              i - s <= MAX_CUE_LENGTH ? CUES.get(p.substring(s, i).toLowerCase(Locale.ROOT)) : null;
          for (int l = 0; mask != null && l < counts.length; l++) {
            if ((mask & (1 << l)) != 0) {
              counts[l]++;
            }
          }
        }
      }
    }
    int best = 0;
    for (int l = 1; l < counts.length; l++) {
      if (counts[l] > counts[best]) {
        best = l;
      }
    }
    return SUPPORTED.get(best);
  }
}
