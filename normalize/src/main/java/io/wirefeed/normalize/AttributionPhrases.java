package io.wirefeed.normalize;

import io.wirefeed.normalize.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Reads the noun phrase that names a speaker, forwards after a verb ("said Jane Doe, head of X") or
 * backwards before it ("Le général syrien a ... évoqué"), across titles, complements ("le chef de
 * l'Etat"), appositions and relative clauses. Every walk is bounded to a few tokens.
 */
final class AttributionPhrases {
  static final int MAX_PHRASE = 12;

  private final String language;
  private final AttributionVerbs verbs;
  private final SpeakerNames names;

  AttributionPhrases(String language, AttributionVerbs verbs) {
    this.language = language;
    this.verbs = verbs;
    this.names = new SpeakerNames(language);
  }

  /** Interrogative and free-relative words that open a clause ("what locals call"). */
  private static final java.util.Set<String> WH_WORDS =
      AttributionVerbs.words(
          "what whom whose where when why how quoi où quand comment qué dónde cuándo cómo was wo"
              + " wann wie cosa dove quando come");

  /** Relative pronouns that may be the subject of an attribution verb. */
  private static final java.util.Set<String> RELATIVES =
      AttributionVerbs.words(
          "who which qui lequel laquelle quien quienes cual der die welcher welche che cui quem");

  /** A noun phrase [start, end); {@code pronoun} is set when it is a subject pronoun. */
  record Phrase(int start, int end, Gender pronoun) {
    static final Phrase EMPTY = new Phrase(0, 0, null);

    boolean isEmpty() {
      return end <= start;
    }
  }

  /** After a subject, ", a spokesman for the ministry," may come before the verb. */
  static int skipApposition(List<AttributionToken> toks, int k, int end) {
    if (k >= end || !toks.get(k).isPunct(",")) {
      return k;
    }
    for (int j = k + 1; j < Math.min(end, k + 20); j++) {
      AttributionToken t = toks.get(j);
      if (t.isPunct() && !t.isPunct(",") && !t.isPunct("(") && !t.isPunct(")") && !t.isPunct("-")) {
        return k;
      }
      if (t.isPunct(",")) {
        return j + 1;
      }
    }
    return k;
  }

  /** The noun phrase that starts at {@code i}: a pronoun, a name with its titles, a description. */
  Phrase phraseAfter(List<AttributionToken> toks, int i, int limit) {
    if (i >= limit || !toks.get(i).isWord()) {
      return Phrase.EMPTY;
    }
    Gender g = SpeakerLexicon.pronoun(language, toks.get(i).lower());
    if (g != null) {
      return new Phrase(i, i + 1, g);
    }
    String first = toks.get(i).lower();
    if (SpeakerLexicon.ROLE_LINKS.contains(first) && !SpeakerLexicon.DETERMINERS.contains(first)) {
      return Phrase.EMPTY; // "says of the mayor": a complement, not a subject
    }
    int k = i;
    boolean name = false;
    while (k < limit && k - i < MAX_PHRASE) {
      AttributionToken x = toks.get(k);
      if (!x.isWord()) {
        break;
      }
      String w = x.lower();
      if (x.capitalized()) {
        if (k > i && name && SpeakerLexicon.isNotName(w) && !SpeakerLexicon.isTitleWord(w)) {
          break;
        }
        name = true;
        k++;
        continue;
      }
      if (w.equals("'s") || w.equals("'")) {
        if (!name) {
          break;
        }
        name = false;
        k++;
        continue;
      }
      if (name) {
        if (SpeakerLexicon.isParticle(language, w)
            && k + 1 < limit
            && toks.get(k + 1).capitalized()) {
          k++;
          continue;
        }
        int next = nameAhead(toks, k, limit);
        if (next < 0) {
          break;
        }
        k = next; // "CNN anchor Jane Doe": a role between two names
        continue;
      }
      if ((k > i && verbs.isAnyForm(w)) || verbs.auxiliaries().contains(w)) {
        break;
      }
      if (SpeakerLexicon.DETERMINERS.contains(w)
          || (k > i && SpeakerLexicon.ROLE_LINKS.contains(w))) {
        k++;
        continue;
      }
      if (SpeakerLexicon.isPhraseBreak(language, w)
          || verbs.auxiliaries().contains(w)
          || SpeakerLexicon.pronoun(language, w) != null
          || (k > i && SpeakerLexicon.isSkippable(x))) {
        break;
      }
      k++;
    }
    while (k > i && isLinkWord(toks.get(k - 1).lower())) {
      k--;
    }
    return k > i ? new Phrase(i, k, null) : Phrase.EMPTY;
  }

  /** Index of a capitalized word within three plain lowercase words after {@code k}, or -1. */
  private int nameAhead(List<AttributionToken> toks, int k, int limit) {
    if (language.equals("de")) {
      return -1; // German nouns are capitalized: a lowercase word never sits inside a name phrase
    }
    for (int n = k; n < Math.min(limit, k + 3); n++) {
      AttributionToken t = toks.get(n);
      if (!t.isWord()) {
        return -1;
      }
      if (t.capitalized()) {
        return n;
      }
      String w = t.lower();
      if (SpeakerLexicon.isPhraseBreak(language, w)
          || SpeakerLexicon.ROLE_LINKS.contains(w)
          || verbs.isAnyForm(w)
          || verbs.auxiliaries().contains(w)
          || SpeakerLexicon.isSkippable(w)
          || SpeakerLexicon.pronoun(language, w) != null) {
        return -1;
      }
    }
    return -1;
  }

  /** A preposition (or preposition-article) that links a noun to its complement. */
  private static boolean isLink(String w) {
    return SpeakerLexicon.ROLE_LINKS.contains(w)
        && !w.equals("la")
        && !w.equals("l'")
        && !w.equals("the");
  }

  /**
   * "o Presidente da República, Marcelo Rebelo de Sousa,": a description followed by the name in
   * apposition gives the name.
   */
  Phrase withApposition(List<AttributionToken> toks, Phrase np, int limit) {
    if (np.pronoun() != null
        || np.isEmpty()
        || names.hasPerson(toks.subList(np.start(), np.end()))) {
      return np;
    }
    int comma = np.end();
    // "la metteuse en scène, Élise Vigier": the description may run on for a few plain words
    while (comma < Math.min(limit, np.end() + 4)
        && toks.get(comma).isWord()
        && !toks.get(comma).capitalized()
        && !verbs.isAnyForm(toks.get(comma).lower())
        && !verbs.auxiliaries().contains(toks.get(comma).lower())) {
      comma++;
    }
    if (comma >= limit || !toks.get(comma).isPunct(",")) {
      return np;
    }
    Phrase inner = phraseAfter(toks, comma + 1, limit);
    if (inner.isEmpty()
        || inner.pronoun() != null
        || !names.hasPerson(toks.subList(inner.start(), inner.end()))) {
      return np;
    }
    int after = inner.end();
    boolean closed =
        after >= limit
            || toks.get(after).isPunct()
            || toks.get(after).isQuote()
            || RELATIVES.contains(toks.get(after).lower());
    return closed ? inner : np;
  }

  private static boolean isLinkWord(String w) {
    return SpeakerLexicon.DETERMINERS.contains(w)
        || SpeakerLexicon.ROLE_LINKS.contains(w)
        || SpeakerLexicon.isParticle(w);
  }

  /** The subject that ends just before the verb at {@code v}, skipping adverbs and appositions. */
  Phrase phraseBefore(List<AttributionToken> toks, int v, int start) {
    int k = v - 1;
    while (k >= start && SpeakerLexicon.isSkippable(toks.get(k))) {
      k--;
    }
    if (k < start) {
      return Phrase.EMPTY;
    }
    if (k > start && RELATIVES.contains(toks.get(k).lower())) {
      // "a campaign surrogate who said": the relative pronoun stands for the phrase before it
      int r = toks.get(k - 1).isPunct(",") ? k - 2 : k - 1;
      return phraseEndingAt(toks, r, start);
    }
    if (toks.get(k).isQuote()) {
      return relativeHead(toks, k, k, start, Phrase.EMPTY);
    }
    if (!toks.get(k).isPunct(",")) {
      return phraseEndingAt(toks, k, start);
    }
    int open = -1;
    for (int j = k - 1; j >= Math.max(start, k - 25); j--) {
      if (toks.get(j).isPunct(",")) {
        open = j;
        break;
      }
    }
    if (open < 0) {
      return Phrase.EMPTY;
    }
    Phrase pre = phraseEndingAt(toks, open - 1, start);
    if (pre.pronoun() != null || hasName(toks, pre)) {
      return pre;
    }
    Phrase inner = phraseAfter(toks, open + 1, k);
    if (inner.end() == k && hasName(toks, inner)) {
      return inner;
    }
    return relativeHead(toks, open - 1, k, start, pre);
  }

  /**
   * "Lee, who waved a flag bearing the words, "...," shouted": the subject is the phrase before the
   * relative clause that opens the apposition; {@code fallback} otherwise.
   */
  private Phrase relativeHead(
      List<AttributionToken> toks, int from, int verb, int start, Phrase fallback) {
    for (int j = from; j > Math.max(start, verb - 40); j--) {
      if (RELATIVES.contains(toks.get(j).lower()) && toks.get(j - 1).isPunct(",")) {
        Phrase head = phraseEndingAt(toks, j - 2, start);
        return head.isEmpty() ? fallback : head;
      }
    }
    return fallback;
  }

  private boolean hasName(List<AttributionToken> toks, Phrase p) {
    return !p.isEmpty() && names.hasPerson(toks.subList(p.start(), p.end()));
  }

  private Phrase phraseEndingAt(List<AttributionToken> toks, int k, int start) {
    if (k < start || !toks.get(k).isWord()) {
      return Phrase.EMPTY;
    }
    Gender g = SpeakerLexicon.pronoun(language, toks.get(k).lower());
    if (g != null) {
      return new Phrase(k, k + 1, g);
    }
    int j = k;
    while (j >= start && k - j < 10) {
      AttributionToken x = toks.get(j);
      if (!x.isWord()) {
        break;
      }
      String w = x.lower();
      if (x.capitalized() || w.equals("'s")) {
        j--;
        continue;
      }
      if (verbs.auxiliaries().contains(w)) {
        break;
      }
      if (j < k && isLink(w) && j - 1 >= start && toks.get(j - 1).isWord()) {
        j--; // "le ministère des Affaires étrangères": a complement inside the phrase
        continue;
      }
      if (SpeakerLexicon.DETERMINERS.contains(w)) {
        j--;
        boolean linked =
            j >= start
                && toks.get(j).isWord()
                && !toks.get(j).capitalized()
                && SpeakerLexicon.ROLE_LINKS.contains(toks.get(j).lower());
        if (!linked) {
          break;
        }
        continue;
      }
      if (j < k
          && (SpeakerLexicon.ROLE_LINKS.contains(w) || SpeakerLexicon.isParticle(language, w))) {
        j--;
        continue;
      }
      if (SpeakerLexicon.isPhraseBreak(language, w)
          || verbs.isAnyForm(w)
          || verbs.auxiliaries().contains(w)
          || SpeakerLexicon.isSkippable(w)
          || SpeakerLexicon.pronoun(language, w) != null
          || WH_WORDS.contains(w)) {
        break;
      }
      j--;
    }
    int from = j + 1;
    while (from <= k
        && (SpeakerLexicon.ROLE_LINKS.contains(toks.get(from).lower())
            && !SpeakerLexicon.DETERMINERS.contains(toks.get(from).lower()))) {
      from++;
    }
    boolean clause = j >= start && WH_WORDS.contains(toks.get(j).lower());
    return from <= k && (clause || anchored(toks, from, k + 1))
        ? new Phrase(from, k + 1, null)
        : Phrase.EMPTY;
  }

  /** A subject has a name, a determiner or a role word; "now" or "clearly" alone is none. */
  private static boolean anchored(List<AttributionToken> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      AttributionToken t = toks.get(k);
      if (t.capitalized()
          || SpeakerLexicon.DETERMINERS.contains(t.lower())
          || SpeakerRoles.roleOf(t.lower()) != null) {
        return true;
      }
    }
    return false;
  }
}
