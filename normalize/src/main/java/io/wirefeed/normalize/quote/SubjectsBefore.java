package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.AttributionPhrases.Phrase;
import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Reads the subject that ends before an attribution verb, backwards ("Le général syrien a ...
 * évoqué"): across adverbs, relative clauses and chains of appositions ("Mark Diaz, a welder from
 * Dayton, Ohio, says"), and past what is not a subject: the object of a preposition ("in a low
 * voice said"), the region after a city, an infinitive's "to". Every walk is bounded.
 */
final class SubjectsBefore {
  private final String language;
  private final AttributionVerbs verbs;
  private final SpeakerNames names;
  private final AttributionPhrases forward;

  SubjectsBefore(String language, AttributionVerbs verbs, AttributionPhrases forward) {
    this.language = language;
    this.verbs = verbs;
    this.names = new SpeakerNames(language);
    this.forward = forward;
  }

  /** Interrogative and free-relative words that open a clause ("what locals call"). */
  private static final java.util.Set<String> WH_WORDS =
      AttributionVerbs.words(
          "what whom whose where when why how quoi où quand comment qué dónde cuándo cómo was wo"
              + " wann wie cosa dove quando come");

  /** A preposition (or preposition-article) that links a noun to its complement. */
  private static boolean isLink(String w) {
    return SpeakerLexicon.ROLE_LINKS.contains(w)
        && !w.equals("la")
        && !w.equals("l'")
        && !w.equals("the");
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
    boolean infinitive = false;
    if (language.equals("en")
        && k > start
        && toks.get(k).lower().equals("to")
        && !verbs.characterizing().contains(toks.get(v).lower())) {
      k--; // "only for Cole to tweet that": the infinitive's subject stands before "to"
      infinitive = true;
    }
    if (k > start && AttributionPhrases.RELATIVES.contains(toks.get(k).lower())) {
      // "a campaign surrogate who said": the relative pronoun stands for the phrase before it
      int r = toks.get(k - 1).isPunct(",") ? k - 2 : k - 1;
      return phraseEndingAt(toks, r, start);
    }
    if (toks.get(k).isQuote()) {
      return relativeHead(toks, k, k, start, Phrase.EMPTY);
    }
    if (!toks.get(k).isPunct(",")) {
      Phrase p = phraseEndingAt(toks, k, start);
      return infinitive ? p : subjectOf(toks, p, start);
    }
    return beforeApposition(toks, k, start);
  }

  /**
   * The phrase before a verb is the subject unless it is the object of a preposition ("and in a low
   * voice said") or the region after a city ("Ana Lee of Tampa, Florida says").
   */
  private Phrase subjectOf(List<AttributionToken> toks, Phrase p, int start) {
    if (p.isEmpty() || p.pronoun() != null || p.start() - 1 < start) {
      return p;
    }
    int b = p.start() - 1;
    AttributionToken prev = toks.get(b);
    if (prev.isPunct(",") && placeAfterCity(toks, b, p.end())) {
      Phrase head = phraseEndingAt(toks, b - 1, start);
      // "Ana Lee of Tampa, Florida says", not "in Brooklyn, Clinton said"
      return hasName(toks, head) && !isObject(toks, head, start) ? head : p;
    }
    if (!isPrepositionWord(prev) || titledName(toks, p)) {
      return p; // "The Council on ... Executive Director Nihad Awad says": a titled name is a
      // subject
    }
    Phrase head = phraseEndingAt(toks, b - 1, start);
    if (head.isEmpty() || head.pronoun() != null || hasName(toks, head)) {
      return head;
    }
    List<AttributionToken> words = toks.subList(head.start(), head.end());
    if (!NonSpeakers.canSpeak(names, words) || AFFILIATIONS.contains(prev.lower())) {
      // "About four in 10 voters say", "a spokesman for the company said": the complement belongs
      // to the head
      return new Phrase(head.start(), p.end(), null);
    }
    return head;
  }

  /**
   * The person's name printed right before {@code k} ("footage of Trump saying", "with Senator John
   * McCain telling"): the subject of a participle that follows it without a comma. EMPTY when the
   * capitalized words there name no person.
   */
  Phrase nameRunBefore(List<AttributionToken> toks, int k, int start) {
    int e = k;
    int b = e;
    while (b > start
        && e - b < MAX_PHRASE
        && (names.isNameToken(toks.get(b - 1))
            || (b - 1 > start
                && SpeakerLexicon.isParticle(language, toks.get(b - 1).lower())
                && names.isNameToken(toks.get(b - 2))))) {
      b--;
    }
    if (b == e || (b > start && PLACE_PREPOSITIONS.contains(toks.get(b - 1).lower()))) {
      return Phrase.EMPTY; // "landed in Paris saying": a place, not who says
    }
    return names.hasPerson(toks.subList(b, e)) ? new Phrase(b, e, null) : Phrase.EMPTY;
  }

  /** A person's name with a title or role word before it in the phrase ("Director Nihad Awad"). */
  private boolean titledName(List<AttributionToken> toks, Phrase p) {
    SpeakerNames.Name n = names.nameIn(toks.subList(p.start(), p.end()));
    if (n == null || n.org()) {
      return false;
    }
    for (int k = p.start(); k < p.end(); k++) {
      String w = toks.get(k).lower();
      if (SpeakerLexicon.isTitleWord(w) && !SpeakerLexicon.isNotName(w)) {
        return k + 1 < p.end();
      }
    }
    return false;
  }

  /**
   * "Mark Diaz, a 48-year-old welder from Dayton, Ohio, says": the subject opens a chain of
   * comma-separated appositions that ends at {@code k}, the comma before the verb.
   */
  private Phrase beforeApposition(List<AttributionToken> toks, int k, int start) {
    Phrase fallback = Phrase.EMPTY;
    int close = k;
    for (int hop = 0; hop < MAX_APPOSITIONS; hop++) {
      int open = -1;
      for (int j = close - 1; j >= Math.max(start, close - 25); j--) {
        if (toks.get(j).isPunct(",")) {
          open = j;
          break;
        }
      }
      if (open < 0) {
        break;
      }
      if (hop > 0 && !wordsOnly(toks, open + 1, close)) {
        break; // "Buenos Aires, 6 feb (EFE).- La presidenta ...": a dateline, not an apposition
      }
      Phrase pre = phraseEndingAt(toks, open - 1, start);
      boolean object = isObject(toks, pre, start);
      if (hop > 0) {
        if (!object && pureName(toks, pre)) {
          return pre;
        }
        close = open;
        continue;
      }
      if (pre.pronoun() != null || (!object && hasName(toks, pre))) {
        return pre;
      }
      Phrase inner = forward.phraseAfter(toks, open + 1, close);
      if (inner.end() == close && hasName(toks, inner) && !placeAfterCity(toks, open, close)) {
        return inner;
      }
      int rel = relativeStart(toks, open - 1, k, start);
      if (rel >= 0) {
        Phrase head = phraseEndingAt(toks, rel - 2, start);
        return head.isEmpty() ? pre : head;
      }
      fallback = object ? subjectOf(toks, pre, start) : pre; // "a woman in Worcester, Mass.,"
      close = open;
    }
    return fallback;
  }

  private static final int MAX_PHRASE = AttributionPhrases.MAX_PHRASE;
  private static final int MAX_APPOSITIONS = 4;

  /** Prepositions of place: the capitalized words after them are a place more often than not. */
  private static final java.util.Set<String> PLACE_PREPOSITIONS =
      AttributionVerbs.words("in at near into à en nach aus bei em no na");

  /** Links that may join a title to its complement ("ministra de Exteriores", "mayor of X"). */
  private static final java.util.Set<String> TITLE_COMPLEMENT_LINKS =
      AttributionVerbs.words("of de d' du des del della di da do dos das");

  /** Prepositions after which a phrase says whom a described speaker works for. */
  private static final java.util.Set<String> AFFILIATIONS =
      AttributionVerbs.words("for at from with pour chez para für bei per presso");

  private boolean isPrepositionWord(AttributionToken t) {
    return t.isWord() && !t.capitalized() && SpeakerMentions.isPreposition(language, t.lower());
  }

  /** "from Dayton", "In Paris": a phrase governed by a preposition, before it or at its start. */
  private boolean isObject(List<AttributionToken> toks, Phrase p, int start) {
    if (p.isEmpty() || p.pronoun() != null) {
      return false;
    }
    if (p.start() - 1 >= start && isPrepositionWord(toks.get(p.start() - 1))) {
      return true;
    }
    String first = toks.get(p.start()).lower();
    return SpeakerMentions.isPreposition(language, first)
        && !SpeakerLexicon.DETERMINERS.contains(first);
  }

  /** A name with at most its titles and particles: "Mark Diaz", "Ana Lee of Tampa". */
  private boolean pureName(List<AttributionToken> toks, Phrase p) {
    if (!hasName(toks, p) || SpeakerLexicon.isNotName(toks.get(p.start()).lower())) {
      return false;
    }
    for (int k = p.start(); k < p.end(); k++) {
      AttributionToken t = toks.get(k);
      if (!t.capitalized()
          && !SpeakerLexicon.ROLE_LINKS.contains(t.lower())
          && !SpeakerLexicon.isParticle(language, t.lower())) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordsOnly(List<AttributionToken> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!toks.get(k).isWord()) {
        return false;
      }
    }
    return true;
  }

  /**
   * "from Dayton, Ohio", "de Valencia, España": the capitalized words [comma + 1, end) follow a
   * place governed by a preposition, so they are its region, not a person. Not after a title's
   * complement ("la ministra de Exteriores, Diana Mondino") or an organisation ("del Banco Central,
   * Marina Dal Poggetto"), and not when they open with a known first name.
   */
  private boolean placeAfterCity(List<AttributionToken> toks, int comma, int end) {
    if (end - comma - 1 < 1 || end - comma - 1 > 3) {
      return false;
    }
    for (int k = comma + 1; k < end; k++) {
      if (!toks.get(k).capitalized()) {
        return false;
      }
    }
    if (SpeakerRoles.firstNameGender(toks.get(comma + 1).lower()) != Gender.UNKNOWN) {
      return false;
    }
    int c = comma - 1;
    while (c >= 0 && c > comma - 4 && toks.get(c).capitalized()) {
      if (SpeakerLexicon.isOrgWord(toks.get(c).lower())) {
        return false;
      }
      c--;
    }
    if (c >= comma - 1 || c < 1 || !isPrepositionWord(toks.get(c))) {
      return false;
    }
    if (!TITLE_COMPLEMENT_LINKS.contains(toks.get(c).lower())) {
      return true; // "from Dayton", "in Worcester", "aus Dortmund"
    }
    String head = toks.get(c - 1).lower();
    return SpeakerRoles.roleOf(head) == null && !SpeakerLexicon.isTitleWord(head);
  }

  /** The index of a relative pronoun that opens the apposition ending at {@code verb}, or -1. */
  private static int relativeStart(List<AttributionToken> toks, int from, int verb, int start) {
    for (int j = from; j > Math.max(start, verb - 40); j--) {
      if (AttributionPhrases.RELATIVES.contains(toks.get(j).lower())
          && toks.get(j - 1).isPunct(",")) {
        return j;
      }
    }
    return -1;
  }

  /**
   * "Lee, who waved a flag bearing the words, "...," shouted": the subject is the phrase before the
   * relative clause that opens the apposition; {@code fallback} otherwise.
   */
  private Phrase relativeHead(
      List<AttributionToken> toks, int from, int verb, int start, Phrase fallback) {
    for (int j = from; j > Math.max(start, verb - 40); j--) {
      if (AttributionPhrases.RELATIVES.contains(toks.get(j).lower())
          && toks.get(j - 1).isPunct(",")) {
        Phrase head = phraseEndingAt(toks, j - 2, start);
        return head.isEmpty() ? fallback : head;
      }
    }
    return fallback;
  }

  /** Whether the phrase names a person (not only an organisation or nobody). */
  boolean hasPerson(List<AttributionToken> toks, Phrase p) {
    return hasName(toks, p);
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
