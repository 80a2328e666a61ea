package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.Attribution.Kind;
import io.wirefeed.normalize.quote.AttributionPhrases.Phrase;
import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;
import java.util.Set;

/**
 * Speakers that no attribution verb names but the sentence structure does: the subject of a clause
 * that introduces a quotation with a colon ("Pike hit back at Cole in a series of posts: "..."")
 * and the organisation whose statement the previous sentence announces ("The RNC issued a statement
 * apologizing to Trump." then a quotation paragraph). Both read a bounded number of tokens.
 */
final class ImpliedSpeakers {
  private static final int MAX_SUBJECT = AttributionPhrases.MAX_PHRASE;
  private static final int STATEMENT_REACH = 8;
  private static final int OPENING_ADVERBIAL = 8;
  private static final int MAX_COLON_SUBJECT = 6;
  private static final int OPENING_CLAUSE = 12;

  /** Nouns for a written statement (folded). */
  private static final Set<String> STATEMENTS =
      AttributionVerbs.words(
          """
          statement statements communique release letter declaration comunicado declaracion carta
          nota erklarung mitteilung stellungnahme brief pressemitteilung comunicato dichiarazione
          lettera declaracao lettre\
          """);

  /** Verbs that issue a statement, besides the attribution verbs and auxiliaries. */
  private static final Set<String> ISSUING =
      AttributionVerbs.words(
          """
          issued issues released releases published publishes sent sends put puts posted
          publié diffusé émis envoyé adressé publie diffuse emitió publicó difundió divulgó envió
          emite publica difunde veröffentlichte verbreitete veröffentlicht verschickte gab
          diffuso pubblicato emesso inviato diffonde pubblica divulgou publicou emitiu enviou
          divulga publica\
          """);

  private final String language;
  private final AttributionFinder finder;
  private final AttributionVerbs verbs;
  private final SpeakerNames names;

  ImpliedSpeakers(String language, AttributionFinder finder, SpeakerNames names) {
    this.language = language;
    this.finder = finder;
    this.verbs = AttributionVerbs.of(language);
    this.names = names;
  }

  /**
   * The subject of the clause a colon closes before a quotation, or null: "Biden hit back at
   * McConnell in a series of posts:", after an opening adverbial too ("On Tuesday, Biden ...").
   */
  Attribution beforeColon(List<AttributionToken> toks, int sentenceStart, int colon) {
    int s = sentenceStart;
    for (int attempt = 0; attempt < 2 && s < colon; attempt++) {
      Phrase np = finder.phraseAfter(toks, s, colon);
      if (np.pronoun() != null) {
        return new Attribution(
            null, Kind.PRONOUN, toks.subList(np.start(), np.end()), np.pronoun(), true, true);
      }
      if (!np.isEmpty()
          && np.end() < colon
          && (toks.get(np.end()).isWord() || toks.get(np.end()).isPunct(","))) {
        List<AttributionToken> subject = toks.subList(np.start(), np.end());
        if (namesOrDescribes(subject) && NonSpeakers.canSpeak(names, subject)) {
          return new Attribution(null, Kind.PHRASE, subject, Gender.UNKNOWN, true, true);
        }
      }
      int comma = -1;
      for (int k = s; k < Math.min(colon, s + OPENING_ADVERBIAL); k++) {
        if (toks.get(k).isPunct(",")) {
          comma = k;
          break;
        }
      }
      if (comma < 0) {
        return null;
      }
      s = comma + 1;
    }
    return null;
  }

  /**
   * The subject that opens a sentence, for a participle or a coordinated verb that has none of its
   * own: past an opening adverbial ("However,", "In an interview with reporters Thursday,") and
   * with the role nouns that follow a capitalized modifier ("The Republican nominee").
   */
  Phrase sentenceSubject(List<AttributionToken> toks, int sentenceStart, int limit) {
    Phrase np = finder.phraseAfter(toks, sentenceStart, limit);
    if (opensWithAdverbial(toks, sentenceStart, np)) {
      for (int k = sentenceStart; k < Math.min(limit, sentenceStart + OPENING_CLAUSE); k++) {
        if (toks.get(k).isPunct(",")) {
          Phrase after = finder.phraseAfter(toks, k + 1, limit);
          np = after.isEmpty() ? np : after;
          break;
        }
      }
    }
    if (np.isEmpty() || np.pronoun() != null) {
      return np;
    }
    int end = np.end();
    while (end < limit
        && end - np.start() < MAX_SUBJECT
        && toks.get(end).isWord()
        && !toks.get(end).capitalized()
        && (SpeakerRoles.roleOf(toks.get(end).lower()) != null
            || SpeakerLexicon.isTitleWord(toks.get(end).lower()))) {
      end++;
    }
    return new Phrase(np.start(), end, null);
  }

  /** "In an interview with reporters Thursday, the senator ...", "However, ...". */
  private boolean opensWithAdverbial(List<AttributionToken> toks, int start, Phrase np) {
    if (start >= toks.size() || !toks.get(start).isWord() || np.pronoun() != null) {
      return false;
    }
    String first = toks.get(start).lower();
    if (SpeakerMentions.isPreposition(language, first)
        && !SpeakerLexicon.DETERMINERS.contains(first)) {
      return true;
    }
    return start + 1 < toks.size()
        && toks.get(start + 1).isPunct(",")
        && (SpeakerLexicon.isNotName(first) || SpeakerLexicon.isSkippable(first));
  }

  /**
   * "the Wisconsin Republican": a definite description with a capitalized modifier but no role, no
   * organisation and no name, which refers back to someone like a pronoun does.
   */
  boolean refersBack(List<AttributionToken> np) {
    if (np.size() < 2
        || !SpeakerLexicon.DETERMINERS.contains(np.get(0).lower())
        || names.nameIn(np) != null) {
      return false;
    }
    SpeakerNames.Description d = names.describe(np);
    if (!d.definite() || !d.roles().isEmpty() || d.plural()) {
      return false;
    }
    boolean capitalized = false;
    for (int k = 1; k < np.size(); k++) {
      if (SpeakerLexicon.isOrgWord(np.get(k).lower())) {
        return false;
      }
      capitalized |= np.get(k).capitalized();
    }
    return capitalized;
  }

  /**
   * A clause subject worth taking without a verb of saying: a name with its titles ("Senator Ann
   * Pike", "The RNC") or a short description by role ("the governor"), never a phrase that runs on
   * ("The ad uses footage of ...") or opens with a preposition ("Between Saturday and ...").
   */
  private boolean namesOrDescribes(List<AttributionToken> np) {
    if (np.size() > MAX_COLON_SUBJECT
        || SpeakerMentions.isPreposition(language, np.get(0).lower())
            && !SpeakerLexicon.DETERMINERS.contains(np.get(0).lower())) {
      return false;
    }
    boolean anchor = false;
    for (AttributionToken t : np) {
      String w = t.lower();
      boolean role = SpeakerRoles.roleOf(w) != null || SpeakerLexicon.isTitleWord(w);
      boolean name = t.capitalized() && !SpeakerLexicon.isNotName(w);
      if (!(role
          || name
          || SpeakerLexicon.DETERMINERS.contains(w)
          || SpeakerLexicon.isParticle(language, w)
          || w.equals("'s"))) {
        return false;
      }
      anchor |= role || name;
    }
    return anchor;
  }

  /**
   * The issuer when the sentence [from, to) announces a statement ("The RNC issued a statement
   * ...", "Le Parti socialiste a publié un communiqué ..."), or null.
   */
  Attribution statementIn(List<AttributionToken> toks, int from, int to) {
    Attribution a = statementAt(toks, from, to);
    if (a != null) {
      return a;
    }
    // "At the chair's direction, the DNC issued a statement": after an opening adverbial
    for (int k = from; k < Math.min(to, from + OPENING_ADVERBIAL); k++) {
      if (toks.get(k).isPunct(",")) {
        return statementAt(toks, k + 1, to);
      }
    }
    return null;
  }

  private Attribution statementAt(List<AttributionToken> toks, int from, int to) {
    int v = -1;
    for (int k = from; k < Math.min(to, from + MAX_SUBJECT + 1); k++) {
      AttributionToken t = toks.get(k);
      if (!t.isWord()) {
        return null; // not a plain subject-verb opening
      }
      String w = t.lower();
      if (k > from
          && !t.capitalized()
          && !w.equals("'s") // "At Brazille's direction": a possessive, not "is"
          && (ISSUING.contains(w) || verbs.auxiliaries().contains(w) || verbs.isAnyForm(w))) {
        v = k;
        break;
      }
    }
    if (v < 0 || !announcesStatement(toks, v, to)) {
      return null;
    }
    int end = v;
    while (end > from && SpeakerLexicon.isSkippable(toks.get(end - 1))) {
      end--;
    }
    if (end <= from) {
      return null;
    }
    List<AttributionToken> subject = toks.subList(from, end);
    Gender pronoun =
        subject.size() == 1 ? SpeakerLexicon.pronoun(language, subject.get(0).lower()) : null;
    if (pronoun != null) {
      return new Attribution(null, Kind.PRONOUN, subject, pronoun, true, false);
    }
    return NonSpeakers.canSpeak(names, subject)
        ? new Attribution(null, Kind.PHRASE, subject, Gender.UNKNOWN, true, false)
        : null;
  }

  private boolean announcesStatement(List<AttributionToken> toks, int v, int to) {
    for (int k = v; k < Math.min(to, v + STATEMENT_REACH); k++) {
      AttributionToken t = toks.get(k);
      if (t.isWord() && STATEMENTS.contains(SpeakerLexicon.fold(t.lower()))) {
        return true;
      }
    }
    return false;
  }
}
