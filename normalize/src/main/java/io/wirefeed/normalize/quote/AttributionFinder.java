package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.Attribution.Kind;
import io.wirefeed.normalize.quote.AttributionPhrases.Phrase;
import io.wirefeed.normalize.quote.AttributionVerbMatcher.VerbMatch;
import io.wirefeed.normalize.quote.AttributionVerbMatcher.VerbType;
import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Reads the attribution of a quotation from the words of its sentence, in both orders: after it
 * ("..., a expliqué le général Haddad", "..., he said", "..., dijo") and before it ("X said:",
 * "ajoutant :", "Boric afirmó que ... "...""). Every search is bounded, so the cost per quotation
 * is constant.
 */
final class AttributionFinder {
  private static final int MAX_LOOK = 40;
  private static final int COORDINATION_REACH = 20;

  /** Prepositions that may sit inside a subject: "a narrator in the campaign ad asks". */
  private static final java.util.Set<String> SUBJECT_PREPOSITIONS =
      AttributionVerbs.words(
          "in at for of from with on à chez en de del di da do bei von für aus con per em");

  private static final int MAX_PHRASE = AttributionPhrases.MAX_PHRASE;

  private final String language;
  private final AttributionVerbs verbs;
  private final AttributionVerbMatcher matcher;
  private final AttributionPhrases phrases;
  private final SubjectsBefore subjects;

  AttributionFinder(String language) {
    this.language = language;
    this.matcher = new AttributionVerbMatcher(language);
    this.verbs = matcher.verbs();
    this.phrases = new AttributionPhrases(language, verbs);
    this.subjects = new SubjectsBefore(language, verbs, phrases);
  }

  /** The attribution verb at token {@code i}, or null. */
  VerbMatch match(List<AttributionToken> toks, int i, int limit) {
    return matcher.match(toks, i, limit);
  }

  /** The noun phrase that starts at token {@code i}. */
  Phrase phraseAfter(List<AttributionToken> toks, int i, int limit) {
    return phrases.phraseAfter(toks, i, limit);
  }

  private VerbMatch extendBack(List<AttributionToken> toks, VerbMatch m, int start, int limit) {
    return matcher.extendBack(toks, m, start, limit);
  }

  private Phrase withApposition(List<AttributionToken> toks, Phrase np, int limit) {
    return phrases.withApposition(toks, np, limit);
  }

  private Phrase phraseBefore(List<AttributionToken> toks, int v, int start) {
    return subjects.phraseBefore(toks, v, start);
  }

  private static int skipApposition(List<AttributionToken> toks, int k, int end) {
    return AttributionPhrases.skipApposition(toks, k, end);
  }

  /** The attribution that follows quotation {@code q}: "", said X", "", he said", "", dijo". */
  Attribution after(List<AttributionToken> toks, int q, int end) {
    int j = q + 1;
    int skipped = 0;
    while (j < end && skipped < 2 && isSoftPunct(toks.get(j))) {
      j++;
      skipped++;
    }
    return afterAt(toks, j, end);
  }

  /** The attribution that starts at token {@code j}: verb first, or subject then verb. */
  Attribution afterAt(List<AttributionToken> toks, int j, int end) {
    if (j >= end || !toks.get(j).isWord()) {
      return null;
    }
    VerbMatch m = match(toks, j, end);
    if (m != null && (m.type() == VerbType.FINITE || m.type() == VerbType.SOURCE)) {
      if (m.clitic() != null) {
        return new Attribution(m.printed(), Kind.PRONOUN, List.of(), m.clitic(), false, false);
      }
      if (verbs.subjectFirstOnly().contains(toks.get(j).lower())) {
        return null;
      }
      int from = skipRecipient(toks, skipTimeWords(toks, m.end(), end), end);
      Phrase np = withApposition(toks, phraseAfter(toks, from, end), end);
      if (np.pronoun() != null) {
        return new Attribution(m.printed(), Kind.PRONOUN, List.of(), np.pronoun(), false, false);
      }
      if (!np.isEmpty()) {
        return phrase(m.printed(), toks, np, false, false);
      }
      if (m.type() == VerbType.SOURCE || toks.get(j).lower().equals("so")) {
        return null;
      }
      return new Attribution(m.printed(), Kind.DROPPED, List.of(), Gender.UNKNOWN, false, false);
    }
    Phrase np = phraseAfter(toks, j, end);
    if (np.pronoun() != null) {
      int k = skipAdverbs(toks, np.end(), end);
      VerbMatch v = match(toks, k, end);
      return v != null && v.type() == VerbType.FINITE
          ? new Attribution(
              extendBack(toks, v, np.end(), end).printed(),
              Kind.PRONOUN,
              List.of(),
              np.pronoun(),
              false,
              false)
          : null;
    }
    return subjectThenVerb(toks, j, end);
  }

  /**
   * "city attorney Ana Ruiz said", "committee Chairman Rep. Tom Hale (R-Ohio) said", "Jane Doe,
   * head of X, said": a subject of a few words, then the verb.
   */
  private Attribution subjectThenVerb(List<AttributionToken> toks, int j, int end) {
    int subjectEnd = -1;
    for (int k = j; k < Math.min(end, j + MAX_PHRASE + 24); k++) {
      AttributionToken t = toks.get(k);
      if (t.isPunct("(")) {
        subjectEnd = subjectEnd < 0 ? k : subjectEnd;
        int close = k + 1;
        while (close < Math.min(end, k + 8) && !toks.get(close).isPunct(")")) {
          close++;
        }
        if (close >= end || !toks.get(close).isPunct(")")) {
          return null;
        }
        k = close;
        continue;
      }
      if (t.isPunct(",")) {
        subjectEnd = subjectEnd < 0 ? k : subjectEnd;
        int after = skipApposition(toks, k, end);
        if (after == k) {
          return null;
        }
        k = after - 1;
        continue;
      }
      if (!t.isWord()) {
        return null;
      }
      String w = t.lower();
      VerbMatch v = k > j ? match(toks, k, end) : null;
      if (v != null && v.type() == VerbType.FINITE) {
        v = extendBack(toks, v, j + 1, end);
        int npEnd = subjectEnd < 0 ? v.start() : Math.min(subjectEnd, v.start());
        while (npEnd > j && SpeakerLexicon.isSkippable(toks.get(npEnd - 1))) {
          npEnd--;
        }
        return npEnd > j
            ? phrase(v.printed(), toks, new Phrase(j, npEnd, null), false, false)
            : null;
      }
      if (w.equals("zufolge") && k > j) {
        return phrase(
            t.text(), toks, new Phrase(j, subjectEnd < 0 ? k : subjectEnd, null), false, false);
      }
      boolean inPhrase =
          t.capitalized()
              || SpeakerLexicon.ROLE_LINKS.contains(w)
              || w.equals("'s")
              || SpeakerLexicon.DETERMINERS.contains(w)
              || (k > j && SUBJECT_PREPOSITIONS.contains(w))
              || (!SpeakerLexicon.isPhraseBreak(language, w)
                  && SpeakerLexicon.pronoun(language, w) == null
                  && !verbs.auxiliaries().contains(w)
                  && !verbs.isAnyForm(w))
              || SpeakerLexicon.isSkippable(t);
      if (!inPhrase) {
        return null;
      }
    }
    return null;
  }

  /**
   * "The plan was "doomed from the start" to fail, Ruiz said.": the clause after the last comma.
   */
  Attribution trailing(List<AttributionToken> toks, int q, int end) {
    for (int k = end - 1; k > q && end - k < MAX_LOOK; k--) {
      AttributionToken t = toks.get(k);
      if (t.isQuote()) {
        return null;
      }
      if (t.isPunct(",")) {
        Attribution a = afterAt(toks, k + 1, end);
        return a != null && a.kind() != Kind.DROPPED ? a : null;
      }
    }
    return null;
  }

  /** The attribution before quotation {@code q} in its sentence: the nearest verb to its left. */
  Attribution before(List<AttributionToken> toks, int q, int start) {
    boolean colon = q - 1 >= start && toks.get(q - 1).isPunct(":");
    VerbMatch m = null;
    for (int k = q - 1; k >= Math.max(start, q - MAX_LOOK); k--) {
      if (!toks.get(k).isWord()) {
        continue;
      }
      VerbMatch c = match(toks, k, q);
      if (c != null && c.end() <= q) {
        m = c;
        break;
      }
    }
    if (m == null) {
      return null;
    }
    m = extendBack(toks, m, start, q);
    switch (m.type()) {
      case SOURCE -> {
        Phrase np = withApposition(toks, phraseAfter(toks, m.end(), q), q);
        if (np.pronoun() != null) {
          return at(
              new Attribution(m.printed(), Kind.PRONOUN, List.of(), np.pronoun(), true, colon), m);
        }
        return at(np.isEmpty() ? null : phrase(m.printed(), toks, np, true, colon), m);
      }
      case GERUND -> {
        if (m.start() == start) {
          Attribution main = mainClauseAfter(toks, q, m.printed(), colon);
          if (main != null) {
            return at(main, m);
          }
        }
        Attribution clause = nearestClauseSubject(toks, m.start(), start, m.printed(), colon);
        if (clause != null) {
          return at(clause, m);
        }
        Phrase named = subjects.nameRunBefore(toks, m.start(), start);
        return at(
            named.isEmpty()
                ? new Attribution(
                    m.printed(), Kind.INHERITED, List.of(), Gender.UNKNOWN, true, colon)
                : phrase(m.printed(), toks, named, true, colon),
            m);
      }
      default -> {
        // nothing to do here: finite and characterizing verbs read their subject below
      }
    }
    if (m.clitic() != null) {
      return at(new Attribution(m.printed(), Kind.PRONOUN, List.of(), m.clitic(), true, colon), m);
    }
    Phrase inverted = phraseAfter(toks, skipRecipient(toks, m.end(), q), q);
    if ((inverted.pronoun() != null || !inverted.isEmpty())
        && inverted.end() < q
        && onlyPunctuation(toks, inverted.end(), q)
        && !verbs.subjectFirstOnly().contains(toks.get(m.start()).lower())) {
      return at(
          inverted.pronoun() != null
              ? new Attribution(
                  m.printed(), Kind.PRONOUN, List.of(), inverted.pronoun(), true, colon)
              : phrase(m.printed(), toks, inverted, true, colon),
          m);
    }
    Phrase subject = phraseBefore(toks, m.start(), start);
    if (subject.pronoun() != null) {
      // the pronoun is kept: it resolves among the people named before it, not before the quote
      return at(
          new Attribution(
              m.printed(),
              Kind.PRONOUN,
              toks.subList(subject.start(), subject.end()),
              subject.pronoun(),
              true,
              colon),
          m);
    }
    if (!subject.isEmpty()) {
      return at(phrase(m.printed(), toks, subject, true, colon), m);
    }
    if (language.equals("en") && coordinated(toks, m.start(), start)) {
      // "in which he called her "disgusting" and referred to her "...": the coordinated verb
      // shares the subject pronoun of the clause
      for (int k = m.start() - 1; k >= Math.max(start, m.start() - COORDINATION_REACH); k--) {
        AttributionToken t = toks.get(k);
        if (t.isWord() && NonSpeakers.personalNotThird(t.lower())) {
          // "I laughed and said": the writer, whom the story does not name
          return at(phrase(m.printed(), toks, new Phrase(k, k + 1, null), true, colon), m);
        }
        Gender g = t.isWord() ? SpeakerLexicon.pronoun(language, t.lower()) : null;
        if (g != null) {
          return at(
              new Attribution(m.printed(), Kind.PRONOUN, toks.subList(k, k + 1), g, true, colon),
              m);
        }
        if (t.isPunct(";") || t.isPunct(":")) {
          break;
        }
      }
      // "Scott beamed and asked the crowd ...": no pronoun, so the subject that opens the clause
      return at(
          new Attribution(m.printed(), Kind.INHERITED, List.of(), Gender.UNKNOWN, true, colon), m);
    }
    return at(
        new Attribution(m.printed(), Kind.DROPPED, List.of(), Gender.UNKNOWN, true, colon), m);
  }

  /**
   * "Calling the challenger "exactly the partner I need," Mrs. Clinton upbraided ...": a participle
   * that opens the sentence shares the subject of the main clause after the quotation.
   */
  private Attribution mainClauseAfter(
      List<AttributionToken> toks, int q, String verb, boolean colon) {
    int k = q + 1;
    while (k < toks.size() && isSoftPunct(toks.get(k))) {
      k++;
    }
    if (k >= toks.size() || !toks.get(k).isWord()) {
      return null;
    }
    Gender pronoun = SpeakerLexicon.pronoun(language, toks.get(k).lower());
    if (pronoun != null) {
      return new Attribution(verb, Kind.PRONOUN, List.of(), pronoun, true, colon);
    }
    int e = k;
    while (e < Math.min(toks.size(), k + MAX_PHRASE) && toks.get(e).capitalized()) {
      e++;
    }
    Phrase np = new Phrase(k, e, null);
    boolean verbFollows = e < toks.size() && toks.get(e).isWord() && !toks.get(e).capitalized();
    return verbFollows && subjects.hasPerson(toks, np) ? phrase(verb, toks, np, true, colon) : null;
  }

  /**
   * "The results aren't in, but John Kasich's campaign is already claiming ...": a participle
   * belongs to the nearest clause, so its subject is the one after ", but" when a clause opens
   * between the sentence start and the participle. Null when none does.
   */
  private Attribution nearestClauseSubject(
      List<AttributionToken> toks, int v, int start, String verb, boolean colon) {
    for (int k = v - 2; k > start && v - k < MAX_LOOK; k--) {
      if (!toks.get(k - 1).isPunct(",") || !CLAUSE_OPENERS.contains(toks.get(k).lower())) {
        continue;
      }
      Phrase np = phraseAfter(toks, k + 1, v);
      if (np.pronoun() != null) {
        return new Attribution(
            verb, Kind.PRONOUN, toks.subList(np.start(), np.end()), np.pronoun(), true, colon);
      }
      boolean named = false;
      for (int n = np.start(); n < np.end(); n++) {
        named |= toks.get(n).capitalized();
      }
      boolean verbFollows = !np.isEmpty() && np.end() < v && toks.get(np.end()).isWord();
      return named && verbFollows ? phrase(verb, toks, np, true, colon) : null;
    }
    return null;
  }

  /** Conjunctions that open a clause with its own subject after a comma. */
  private static final java.util.Set<String> CLAUSE_OPENERS =
      AttributionVerbs.words("but and yet while whereas mais et pero y mientras aber und ma e mas");

  /** "and referred", "but also insists": the verb at {@code v} is the second of two. */
  private static boolean coordinated(List<AttributionToken> toks, int v, int start) {
    int k = v - 1;
    while (k >= start && SpeakerLexicon.isSkippable(toks.get(k))) {
      k--;
    }
    return k >= start && COORDINATORS.contains(toks.get(k).lower());
  }

  private static final java.util.Set<String> COORDINATORS =
      AttributionVerbs.words("and but or yet nor then");

  /** A preceding attribution remembers where its verb is: people named after it do not say it. */
  private static Attribution at(Attribution a, VerbMatch m) {
    return a == null ? null : a.withVerbAt(m.start());
  }

  private static Attribution phrase(
      String verb, List<AttributionToken> toks, Phrase np, boolean before, boolean colon) {
    return new Attribution(
        verb, Kind.PHRASE, toks.subList(np.start(), np.end()), Gender.UNKNOWN, before, colon);
  }

  private static boolean isSoftPunct(AttributionToken t) {
    return t.isPunct(",") || t.isPunct("—") || t.isPunct("–") || t.isPunct("-") || t.isPunct("―");
  }

  private static boolean onlyPunctuation(List<AttributionToken> toks, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!toks.get(k).isPunct()) {
        return false;
      }
    }
    return true;
  }

  private int skipAdverbs(List<AttributionToken> toks, int k, int end) {
    while (k < end
        && SpeakerLexicon.isSkippable(toks.get(k))
        && !verbs.isAnyForm(toks.get(k).lower())) {
      k++;
    }
    return k;
  }

  private static int skipTimeWords(List<AttributionToken> toks, int k, int end) {
    while (k < end && SpeakerLexicon.isSkippable(toks.get(k))) {
      k++;
    }
    return k;
  }

  /** Prepositions that introduce whom the words were said to: "a déclaré à l'AFP le ministre". */
  private static final java.util.Set<String> RECIPIENT_LINKS =
      AttributionVerbs.words(
          "à au aux to a al ao aos às à all' alla allo ai agli alle dem gegenüber");

  /**
   * "a indiqué à l'AFP Jean Dupont", "declaró a EFE el portavoz", "ha detto all'ANSA il ministro":
   * the recipient (a short phrase ending in a name) sits between the verb and its subject.
   */
  private int skipRecipient(List<AttributionToken> toks, int k, int end) {
    if (k >= end) {
      return k;
    }
    String link = toks.get(k).lower();
    // English "a" is an article ("said a spokesman"): only "to" introduces the addressee there
    if (language.equals("en") ? !link.equals("to") : !RECIPIENT_LINKS.contains(link)) {
      return k;
    }
    if (language.equals("pt") && link.equals("a")) {
      return k; // Portuguese "a" is the article: "afirmou a Fenprof" names the speaker
    }
    int j = k + 1;
    while (j < Math.min(end, k + 3)
        && !toks.get(j).capitalized()
        && SpeakerLexicon.DETERMINERS.contains(toks.get(j).lower())) {
      j++;
    }
    boolean noun = false;
    while (j < Math.min(end, k + 6)
        && toks.get(j).isWord()
        && !toks.get(j).capitalized()
        && RECIPIENT_NOUNS.contains(SpeakerLexicon.fold(toks.get(j).lower()))) {
      j++;
      noun = true;
    }
    if (j < end && toks.get(j).capitalized()) {
      int r = j + 1;
      while (r < end && toks.get(r).capitalized()) {
        r++;
      }
      boolean clauseEnds = r >= end || !toks.get(r).isWord();
      if (clauseEnds
          && (r - j == 1 || RECIPIENT_NOUNS.contains(SpeakerLexicon.fold(toks.get(j).lower())))) {
        return r; // "disse à Lusa.": only the addressee follows, the subject is dropped
      }
      if (r - j >= 2 && r < end && SpeakerLexicon.DETERMINERS.contains(toks.get(r).lower())) {
        return r; // "à Agência Brasil o ministro": the outlet's name has several words
      }
      // "à l'AFP Jean Dupont", "a EFE el portavoz": the outlet is one word
      return j + 1 < end && toks.get(j + 1).isWord() ? j + 1 : k;
    }
    if (noun && (j >= end || !toks.get(j).isWord())) {
      return j; // "dijo a la prensa.": the addressee, and no subject after it
    }
    return noun && toks.get(j).isWord() ? j : k;
  }

  /** Words naming the audience or outlet of a statement: "a la prensa", "all'agenzia Dire". */
  private static final java.util.Set<String> RECIPIENT_NOUNS =
      AttributionVerbs.words(
          """
          agence agenzia agencia agentur agency presse prensa stampa imprensa journalistes
          periodistas giornalisti jornalistas reporters radio television televisione televisao
          chaine cadena emittente quotidien diario giornale jornal journal newspaper site
          quotidiano medios media\
          """);
}
