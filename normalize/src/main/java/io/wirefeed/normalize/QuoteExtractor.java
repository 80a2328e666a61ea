package io.wirefeed.normalize;

import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds direct quotations and their speakers: a first simple pass over "...", “...” and «...» with
 * an attribution after the closing mark ("said X", "X said", "a déclaré X"). To be replaced by the
 * full extractor (pronouns, multi-paragraph quotes, every quote-mark convention).
 */
final class QuoteExtractor {
  private static final int MAX_CHARS = 200_000;
  private static final Pattern QUOTED = Pattern.compile("“([^”“\\n]{1,2000})”|«\\s*([^»«\\n]{1,2000}?)\\s*»"
      + "|\"([^\"\\n]{1,2000})\"|„([^“”„\\n]{1,2000})[“”]");
  private static final String VERBS = "said|says|added|told|explained|stressed|insisted|declared|noted|warned"
      + "|a déclaré|a dit|a expliqué|a ajouté|a insisté|a souligné|a affirmé|a précisé|a estimé|a-t-il \\p{L}+"
      + "|a-t-elle \\p{L}+|ajoutant|estimant|dijo|afirmó|añadió|explicó|señaló|aseguró|declaró|sagte|erklärte|betonte"
      + "|fügte hinzu|disse|afirmou|acrescentou|declarou|ha detto|ha dichiarato|ha aggiunto|ha spiegato";
  private static final String NAME = "\\p{Lu}[\\p{L}\\-'’]+(?:\\s+\\p{Lu}[\\p{L}\\-'’]+){0,3}";
  private static final Pattern AFTER_VERB_NAME = Pattern.compile("^\\s*[,:]?\\s*(?<verb>" + VERBS
      + ")\\s+(?:(?:le|la|l'|el|der|die|o|il|the)\\s*)?(?:\\p{Ll}[\\p{L}\\-]*\\s+){0,3}?(?<name>" + NAME + ")");
  private static final Pattern AFTER_NAME_VERB = Pattern.compile("^\\s*[,:]?\\s*(?<name>" + NAME + ")\\s+(?<verb>"
      + VERBS + ")");
  private static final Pattern AFTER_PRONOUN = Pattern.compile("^\\s*[,:]?\\s*(?<verb>a-t-il \\p{L}+|a-t-elle \\p{L}+"
      + "|he (?:said|added)|she (?:said|added)|ajoutant|dijo|sagte er|sagte sie|disse|ha aggiunto)");

  QuoteExtractor() {}

  List<Quote> extract(List<String> paragraphs, String language) {
    List<Quote> quotes = new ArrayList<>();
    String lastSpeaker = null;
    int budget = MAX_CHARS;
    for (int i = 0; i < paragraphs.size() && budget > 0; i++) {
      String p = paragraphs.get(i);
      String text = p.length() > budget ? p.substring(0, budget) : p;
      budget -= text.length();
      Matcher m = QUOTED.matcher(text);
      while (m.find()) {
        String inner = firstNonNull(m.group(1), m.group(2), m.group(3), m.group(4)).strip();
        inner = inner.replaceAll("[,.]$", "").strip();
        if (inner.isEmpty()) {
          continue;
        }
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 160));
        String speaker = null;
        String verb = null;
        Matcher a = AFTER_VERB_NAME.matcher(after);
        Matcher b = AFTER_NAME_VERB.matcher(after);
        Matcher c = AFTER_PRONOUN.matcher(after);
        if (c.find()) {
          verb = c.group("verb");
          speaker = lastSpeaker;
        } else if (a.find()) {
          verb = a.group("verb");
          speaker = a.group("name");
        } else if (b.find()) {
          verb = b.group("verb");
          speaker = b.group("name");
        }
        int back = m.start() - 1;
        while (back >= 0 && Character.isWhitespace(text.charAt(back))) {
          back--;
        }
        boolean atStart = back < 0 || text.charAt(back) == ':';
        QuoteKind kind = atStart ? QuoteKind.DIRECT : QuoteKind.PARTIAL;
        if (kind == QuoteKind.PARTIAL && speaker == null && Boilerplate.wordCount(inner) < 2) {
          continue;
        }
        if (speaker == null && kind == QuoteKind.PARTIAL) {
          speaker = lastSpeaker;
        }
        if (speaker != null) {
          lastSpeaker = speaker;
        }
        quotes.add(new Quote(inner, speaker, verb, kind, i));
      }
    }
    return quotes;
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return "";
  }
}
