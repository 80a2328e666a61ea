package io.wirefeed.normalize.quote;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a name is used where it is printed. A name after a preposition ("responded to Cole", "says of
 * Warren", "a répliqué à Marine Le Pen") is a complement, and a name that qualifies the noun after
 * it ("Hillary Clinton campaign spokesman Glen Caplin") is a modifier: neither is the subject of
 * its clause, so neither is the speaker a pronoun or a participle of that clause refers to.
 */
final class SpeakerMentions {
  private SpeakerMentions() {}

  /** Prepositions that make the name after them a complement, per language. */
  private static final Map<String, Set<String>> PREPOSITIONS =
      Map.of(
          "en",
              AttributionVerbs.words(
                  """
                  of about to at with against for from on in into by toward towards over under
                  after before behind beside between among near via than like upon\
                  """),
          "fr",
              AttributionVerbs.words(
                  "de d' du des à au aux avec contre pour par sur chez envers entre vers contre"),
          "es", AttributionVerbs.words("de del a al con contra para por sobre hacia entre ante"),
          "de",
              AttributionVerbs.words(
                  "über mit gegen für an von zu bei gegenüber auf um ohne zum zur vom beim aus in"
                      + " nach"),
          "it",
              AttributionVerbs.words(
                  "di del della dello dei degli a al alla allo ai con contro per su verso tra fra"),
          "pt",
              AttributionVerbs.words(
                  "de do da dos das ao aos com contra para por sobre pelo pela perante"));

  private static final Set<String> CONJUNCTIONS =
      AttributionVerbs.words("and or et ou y o e und oder");

  /** Whether a lower-case word joins two names ("and", "et", "y", "und"). */
  static boolean isConjunction(String lower) {
    return CONJUNCTIONS.contains(lower);
  }

  /** Whether a lower-case word is a preposition of the language (English when unknown). */
  static boolean isPreposition(String language, String lower) {
    return PREPOSITIONS.getOrDefault(language, PREPOSITIONS.get("en")).contains(lower);
  }

  /** Links that may join a title to its complement before a name ("Secretary of State X"). */
  private static final Set<String> TITLE_LINKS =
      AttributionVerbs.words("of de d' du des del della di da do");

  /**
   * Staff nouns that sit between a namesake and a name ("Biden adviser Anita Dunn"), besides roles,
   * titles and organisation words.
   */
  private static final Set<String> STAFF_NOUNS =
      AttributionVerbs.words(
          """
          adviser advisor aide staffer strategist pollster surrogate consultant operative counsel
          confidant manager ally backer donor attorney lawyer spokesman spokeswoman spokesperson
          campaign administration\
          """);

  /**
   * Whether the name run starting at {@code runStart} (its name proper at {@code nameStart}, after
   * any title) is the complement of a preposition. "of" after a stripped title belongs to the title
   * ("Secretary of State Antony Blinken"), not to the name.
   */
  static boolean complement(
      String language, List<AttributionToken> toks, int runStart, int nameStart) {
    if (runStart == 0) {
      return false;
    }
    AttributionToken prev = toks.get(runStart - 1);
    if (!prev.isWord() || prev.capitalized()) {
      return false;
    }
    String w = prev.lower();
    if (!isPreposition(language, w)) {
      return false;
    }
    return nameStart == runStart || !TITLE_LINKS.contains(w);
  }

  /** Links between a person and the place they come from: "Stacy Baker of Columbia". */
  private static final Set<String> ORIGIN_LINKS =
      AttributionVerbs.words("of from de d' aus von da di do");

  /**
   * Whether the capitalized run [i, j) is the region after a person's city: "Stacy Baker of
   * Columbia, South Carolina says", "Marcos Díaz de Valencia, España". Not after any place ("After
   * talks in Paris, Macron said"): only after a city that a person's name governs.
   */
  static boolean regionAfterCity(List<AttributionToken> toks, int i, int j) {
    if (i < 4 || j - i > 3 || !toks.get(i - 1).isPunct(",")) {
      return false;
    }
    if (SpeakerRoles.firstNameGender(toks.get(i).lower()) != SpeakerLexicon.Gender.UNKNOWN) {
      return false;
    }
    int c = i - 2;
    while (c > 0 && c > i - 5 && toks.get(c).capitalized()) {
      c--;
    }
    return c < i - 2
        && c > 0
        && toks.get(c).isWord()
        && !toks.get(c).capitalized()
        && ORIGIN_LINKS.contains(toks.get(c).lower())
        && toks.get(c - 1).capitalized();
  }

  /**
   * Whether the name run ending at {@code j} qualifies a noun that a second name follows: "Hillary
   * Clinton campaign spokesman Glen Caplin", "Mark Tilden adviser Rosa Quint".
   */
  static boolean modifiesNext(SpeakerNames names, List<AttributionToken> toks, int j) {
    boolean staff = false;
    int k = j;
    while (k < toks.size() && k - j < 3) {
      AttributionToken t = toks.get(k);
      if (!t.isWord() || t.capitalized()) {
        break;
      }
      String w = t.lower();
      if (k == j && SpeakerLexicon.isPhraseBreak(w)) {
        return false; // "Smith said", "Smith and ...": the common case, decided at once
      }
      if (!(STAFF_NOUNS.contains(w)
          || SpeakerRoles.roleOf(w) != null
          || SpeakerLexicon.isTitleWord(w)
          || SpeakerLexicon.isOrgWord(w))) {
        return false;
      }
      staff = true;
      k++;
    }
    return staff && k < toks.size() && names.isNameToken(toks.get(k));
  }
}
