package io.wirefeed.normalize.wire;

import io.wirefeed.normalize.lang.Folding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Month names and their abbreviations in French, English, Spanish, German, Portuguese and Italian.
 *
 * <p>No abbreviation means two different months across these languages ("mar" is March everywhere,
 * "ago" August, "out" October), so one table serves every language without knowing which one it is.
 */
public final class Months {
  private static final String[][] NAMES = {
      {"janvier", "janv", "jan", "january", "enero", "ene", "januar", "jänner", "jän", "janeiro", "gennaio", "gen"},
      {"février", "févr", "fevr", "fév", "fev", "february", "feb", "febrero", "februar", "fevereiro", "febbraio"},
      {"mars", "mar", "march", "marzo", "märz", "maerz", "mär", "mrz", "março", "marco"},
      {"avril", "avr", "april", "apr", "abril", "abr", "aprile"},
      {"mai", "may", "mayo", "maio", "maggio", "mag"},
      {"juin", "june", "jun", "junio", "juni", "junho", "giugno", "giu"},
      {"juillet", "juil", "july", "jul", "julio", "juli", "julho", "luglio", "lug"},
      {"août", "aout", "aoû", "aou", "august", "aug", "agosto", "ago"},
      {"septembre", "sept", "sep", "september", "septiembre", "setiembre", "set", "setembro", "settembre"},
      {"octobre", "oct", "october", "octubre", "oktober", "okt", "outubro", "out", "ottobre", "ott"},
      {"novembre", "nov", "november", "noviembre", "novembro"},
      {"décembre", "déc", "dec", "december", "diciembre", "dic", "dezember", "dez", "dezembro", "dicembre"},
  };

  private static final Map<String, Integer> BY_KEY = index();

  /** A regex alternation of every spelling (accented and not), longest first; match case-insensitively. */
  public static final String ALTERNATION = alternation();

  private Months() {}

  /** The month number (1-12) of a name or abbreviation in any case, with or without a dot; 0 if none. */
  static int number(String token) {
    if (token == null) {
      return 0;
    }
    String t = token.strip();
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return BY_KEY.getOrDefault(Folding.key(t), 0);
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> map = new HashMap<>();
    for (int m = 0; m < NAMES.length; m++) {
      for (String name : NAMES[m]) {
        Integer previous = map.put(Folding.key(name), m + 1);
        if (previous != null && previous != m + 1) {
          throw new IllegalStateException("Ambiguous month spelling: " + name);
        }
      }
    }
    return Map.copyOf(map);
  }

  private static String alternation() {
    Set<String> spellings = new LinkedHashSet<>();
    for (String[] month : NAMES) {
      for (String name : month) {
        spellings.add(name);
        spellings.add(Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
      }
    }
    List<String> sorted = new ArrayList<>(spellings);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    StringBuilder sb = new StringBuilder();
    for (String s : sorted) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(s);
    }
    return sb.toString();
  }
}
