package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Reads the noun phrase that names a speaker forwards, after a verb ("said Jane Doe, head of X"),
 * across titles, complements ("le chef de l'Etat") and appositions; {@link SubjectsBefore} reads it
 * backwards. Every walk is bounded to a few tokens.
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

  /** Relative pronouns that may be the subject of an attribution verb. */
  static final java.util.Set<String> RELATIVES =
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
      if (x.capitalized() && k == i && SpeakerLexicon.DETERMINERS.contains(w)) {
        k++; // "The former secretary of state": a sentence-initial article, not a name
        continue;
      }
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
}
