package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Finds attribution verbs among tokens: simple forms ("said", "dijo"), compound ones with their
 * adverbs ("a par ailleurs évoqué"), French inverted clitics ("a-t-il insisté"), German separable
 * verbs ("fügte ... hinzu"), participles ("ajoutant") and source words ("selon", "according to").
 */
final class AttributionVerbMatcher {
  private final String language;
  private final AttributionVerbs verbs;

  /** Multi-word source expressions ("according to", "de acuerdo con"), split once. */
  private final String[][] sources;

  AttributionVerbMatcher(String language) {
    this.language = language;
    this.verbs = AttributionVerbs.of(language);
    this.sources =
        verbs.sources().stream().map(source -> source.split("\\|")).toArray(String[][]::new);
  }

  /**
   * English base forms that report words only after "to" ("to tweet that"): alone they are nouns as
   * often as verbs ("a tweet", "a Facebook post").
   */
  private static final java.util.Set<String> INFINITIVES =
      AttributionVerbs.words("tweet write post text");

  AttributionVerbs verbs() {
    return verbs;
  }

  /** What kind of attribution word was matched. */
  enum VerbType {
    FINITE,
    GERUND,
    CHARACTERIZING,
    SOURCE
  }

  /** An attribution verb (possibly several words) found at {@code start}. */
  record VerbMatch(int start, int end, String printed, Gender clitic, VerbType type) {}

  VerbMatch match(List<AttributionToken> toks, int i, int limit) {
    if (i < 0 || i >= limit || !toks.get(i).isWord()) {
      return null;
    }
    AttributionToken t = toks.get(i);
    String w = t.lower();
    if (t.capitalized() && i > 0 && toks.get(i - 1).isWord()) {
      return null; // "United States", "FBI Notes": a capitalized word mid-sentence is a name
    }
    for (String[] parts : sources) {
      if (sequenceAt(toks, i, limit, parts)) {
        return new VerbMatch(
            i,
            i + parts.length,
            AttributionTokenizer.printed(toks, i, i + parts.length),
            null,
            VerbType.SOURCE);
      }
    }
    Gender clitic = null;
    String base = w;
    if (language.equals("fr") && w.indexOf('-') > 0 && SpeakerLexicon.cliticGender(w) != null) {
      clitic = SpeakerLexicon.cliticGender(w);
      base = SpeakerLexicon.stripClitic(w);
    }
    if (verbs.auxiliaries().contains(base)) {
      VerbMatch compound = compound(toks, i, limit, clitic);
      if (compound != null
          && language.equals("fr")
          && i > 0
          && toks.get(i - 1).lower().equals("s'")) {
        // "s'est dit", "s'est félicité": the reflexive pronoun belongs to the verb
        return new VerbMatch(
            i - 1,
            compound.end(),
            toks.get(i - 1).text() + compound.printed(),
            clitic,
            compound.type());
      }
      if (compound != null) {
        return compound;
      }
    }
    if (nounContext(toks, i)) {
      return null; // "his tweets", "the notes": a verb form after a determiner is a noun
    }
    if (verbs.nounLike().contains(w) && !afterSubject(toks, i)) {
      return null; // "reports", "claims": a verb only right after its subject
    }
    if (verbs.finite().contains(base)
        || verbs.nounLike().contains(base)
        || (clitic != null && verbs.participles().contains(base))) {
      String printed = t.text();
      String particle = verbs.separableParticles().get(base);
      if (particle != null) {
        for (int k = i + 1; k < Math.min(limit, i + 8) && toks.get(k).isWord(); k++) {
          if (toks.get(k).lower().equals(particle)) {
            printed = t.text() + " " + toks.get(k).text();
            break;
          }
        }
      }
      return new VerbMatch(i, i + 1, printed, clitic, VerbType.FINITE);
    }
    if (language.equals("en")
        && INFINITIVES.contains(w)
        && i > 0
        && toks.get(i - 1).lower().equals("to")) {
      return new VerbMatch(i, i + 1, t.text(), null, VerbType.FINITE); // "only for Cole to tweet"
    }
    if (verbs.gerunds().contains(w)) {
      return new VerbMatch(i, i + 1, t.text(), null, VerbType.GERUND);
    }
    if (verbs.characterizing().contains(w)) {
      return new VerbMatch(i, i + 1, t.text(), null, VerbType.CHARACTERIZING);
    }
    return null;
  }

  private boolean afterSubject(List<AttributionToken> toks, int i) {
    int k = i - 1;
    while (k >= 0 && SpeakerLexicon.isSkippable(toks.get(k))) {
      k--;
    }
    return k >= 0
        && toks.get(k).isWord()
        && (toks.get(k).capitalized()
            || SpeakerLexicon.pronoun(language, toks.get(k).lower()) != null);
  }

  private boolean nounContext(List<AttributionToken> toks, int i) {
    if (i == 0) {
      return false;
    }
    String prev = toks.get(i - 1).lower();
    return prev.equals("'s")
        || (SpeakerLexicon.DETERMINERS.contains(prev)
            && !verbs.auxiliaries().contains(prev)
            && !(language.equals("fr") && prev.equals("a")));
  }

  /** Auxiliary, optional adverbs, participle: "a expliqué", "a par ailleurs évoqué", "has said". */
  private VerbMatch compound(List<AttributionToken> toks, int i, int limit, Gender clitic) {
    for (int k = i + 1; k < limit && k <= i + 5; k++) {
      AttributionToken n = toks.get(k);
      String w = n.lower();
      if (n.isWord()
          && (verbs.participles().contains(w)
              || verbs.characterizing().contains(w)
              || (language.equals("en")
                  && (verbs.finite().contains(w) || verbs.gerunds().contains(w))))) {
        String printed = toks.get(i).text() + (k == i + 1 ? " " : " ... ") + n.text();
        VerbType type =
            verbs.participles().contains(w)
                    || verbs.finite().contains(w)
                    || verbs.gerunds().contains(w)
                ? VerbType.FINITE
                : VerbType.CHARACTERIZING;
        return new VerbMatch(i, k + 1, printed, clitic, type);
      }
      boolean gap =
          (n.isWord() && !n.capitalized() && SpeakerLexicon.isSkippable(w)) || n.isPunct(",");
      if (!gap) {
        return null;
      }
    }
    return null;
  }

  private static boolean sequenceAt(List<AttributionToken> toks, int i, int limit, String[] parts) {
    if (i + parts.length > limit) {
      return false;
    }
    for (int k = 0; k < parts.length; k++) {
      if (!toks.get(i + k).lower().equals(parts[k])) {
        return false;
      }
    }
    return true;
  }

  /** "has said", "a-t-il dit": an auxiliary just before a matched verb belongs to it. */
  VerbMatch extendBack(List<AttributionToken> toks, VerbMatch m, int start, int limit) {
    VerbMatch best = m;
    for (int k = m.start() - 1; k >= Math.max(start, m.start() - 5); k--) {
      AttributionToken t = toks.get(k);
      if (!t.isWord() && !t.isPunct(",")) {
        break;
      }
      VerbMatch c = match(toks, k, limit);
      if (c != null && c.end() == m.end() && c.type() != VerbType.SOURCE) {
        best = c;
      }
    }
    return best;
  }
}
