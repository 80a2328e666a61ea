package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads personal names and descriptions of people out of tokens: strips titles ("President", "le
 * général", "Sen.", "Herr"), tells a person from an organisation, and collects the words around a
 * name that later let "le général syrien" or "the minister" find it again.
 */
final class SpeakerNames {
  private static final int CONTEXT_BEFORE = 10;
  private static final int CONTEXT_AFTER = 12;

  /** Adjectives printed before names in English wire copy ("Republican John Doe"). */
  private static final Set<String> PREFIX_ADJECTIVES =
      AttributionVerbs.words(
          """
          republican democratic democrat gop liberal conservative labour socialist green
          independent american british french german russian chinese syrian iranian iraqi israeli
          palestinian saudi turkish ukrainian egyptian afghan pakistani indian japanese korean
          mexican canadian european senior top late then outgoing incoming veteran former
          billionaire u.s. us uk eu un\
          """);

  private final String language;
  private final AttributionVerbs verbs;

  SpeakerNames(String language) {
    this.language = language;
    this.verbs = AttributionVerbs.of(language);
  }

  /** A personal name found in a run of capitalized words. */
  record Name(List<String> tokens, int start, Gender gender, boolean confirmed, boolean org) {}

  /** What the words around a name say about its bearer. */
  record Context(Set<String> roles, Set<String> words, Gender gender) {}

  /** A speaker given by description only ("le chef de l'Etat", "the 30-year-old"). */
  record Description(
      Set<String> roles, Set<String> modifiers, Gender gender, boolean definite, boolean plural) {}

  private static final Map<String, Set<String>> PLURAL_MARKS =
      Map.of(
          "fr", AttributionVerbs.words("les des ces deux trois plusieurs"),
          "es", AttributionVerbs.words("los las unos unas dos tres varios"),
          "it", AttributionVerbs.words("i gli le due tre alcuni"),
          "pt", AttributionVerbs.words("os as uns umas dois três vários"),
          "de", AttributionVerbs.words("zwei drei mehrere beide"),
          "en", AttributionVerbs.words("both two three several many some these those"));

  boolean isNameToken(AttributionToken t) {
    if (!t.capitalized()) {
      return false;
    }
    // A word in capitals ("DAMAS", "AFP", "PENCE:") is a dateline, an acronym or a transcript
    // label.
    return !(t.allCaps() && t.text().length() > 1 && t.text().indexOf('.') < 0);
  }

  int runEnd(List<AttributionToken> toks, int i) {
    int j = i + 1;
    while (j < toks.size()) {
      AttributionToken t = toks.get(j);
      if (isNameToken(t)) {
        j++;
      } else if (SpeakerLexicon.isParticle(language, t.lower())
          && j + 1 < toks.size()
          && isNameToken(toks.get(j + 1))) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean isStrip(String lower) {
    return SpeakerLexicon.isNotName(lower)
        || SpeakerLexicon.DETERMINERS.contains(lower)
        || SpeakerLexicon.isTitleWord(lower)
        || PREFIX_ADJECTIVES.contains(lower);
  }

  /** The personal name in capitalized run [i, j), titles stripped, or null when none is left. */
  Name name(List<AttributionToken> toks, int i, int j) {
    int e = j;
    while (e > i && SpeakerLexicon.isNotName(toks.get(e - 1).lower())) {
      e--;
    }
    int s = i;
    Gender gender = Gender.UNKNOWN;
    boolean titled = false;
    for (int k = i; k < e; k++) {
      String w = toks.get(k).lower();
      if (!isStrip(w) || (k > i && !toks.get(k).capitalized() && SpeakerLexicon.isParticle(w))) {
        continue;
      }
      s = k + 1;
      Gender h = SpeakerLexicon.honorific(w);
      if (h != null) {
        titled = true;
        gender = h == Gender.UNKNOWN ? gender : h;
      } else if (SpeakerLexicon.isTitleWord(w)) {
        titled = true;
        Gender rg = SpeakerRoles.roleGender(w);
        gender = rg == Gender.UNKNOWN ? gender : rg;
      }
    }
    boolean complement = s > i && s < e && SpeakerLexicon.isParticle(toks.get(s).lower());
    while (s < e && SpeakerLexicon.isParticle(toks.get(s).lower())) {
      s++;
    }
    // "Rival Maria Lopez" at a sentence start: what precedes a known first name is a
    // description
    boolean sentenceInitial =
        i == 0
            || toks.get(i - 1).isQuote()
            || toks.get(i - 1).isPunct(".")
            || toks.get(i - 1).isPunct("!")
            || toks.get(i - 1).isPunct("?");
    for (int k = s + 1; sentenceInitial && k < e - 1; k++) {
      if (SpeakerRoles.firstNameGender(toks.get(k).lower()) != Gender.UNKNOWN
          && SpeakerRoles.firstNameGender(toks.get(k - 1).lower()) == Gender.UNKNOWN) {
        s = k;
        break;
      }
    }
    if (s >= e) {
      return null;
    }
    List<String> tokens = new ArrayList<>(e - s);
    boolean org = false;
    for (int k = s; k < e; k++) {
      tokens.add(toks.get(k).text());
      org |= SpeakerLexicon.isOrgWord(toks.get(k).lower());
    }
    if (complement && org) {
      return null; // "Presidente da República": a title and its complement, no name
    }
    if (i > 0 && toks.get(i - 1).isWord() && !toks.get(i - 1).capitalized()) {
      String before = toks.get(i - 1).lower();
      if (SpeakerRoles.roleOf(before) != null || SpeakerLexicon.honorific(before) != null) {
        titled = true;
        Gender rg = SpeakerRoles.roleGender(before);
        if (rg == Gender.UNKNOWN && i > 1) {
          rg = SpeakerLexicon.determinerGender(language, toks.get(i - 2).lower());
        }
        gender = gender == Gender.UNKNOWN ? rg : gender;
      }
    }
    Gender first = tokens.size() > 1 ? SpeakerRoles.firstNameGender(tokens.get(0)) : Gender.UNKNOWN;
    if (gender == Gender.UNKNOWN) {
      gender = first;
    }
    // "Jane Doe said", and "..., Jane Doe, acknowledged" where the name is an apposition of its own; not a name
    // that merely ends a relative clause or an apposition ("X, qui tient une auberge à Kyoto, dit ...")
    boolean bracketed = i == 0 || !toks.get(i - 1).isWord();
    int v = bracketed && j < toks.size() && toks.get(j).isPunct(",") ? j + 1 : j;
    boolean speaks =
        v < toks.size() && toks.get(v).isWord() && verbs.finite().contains(toks.get(v).lower());
    boolean confirmed = !org && (titled || first != Gender.UNKNOWN || speaks);
    return new Name(List.copyOf(tokens), s, gender, confirmed, org);
  }

  /** True when a noun phrase names a person (not only an organisation or a place). */
  boolean hasPerson(List<AttributionToken> np) {
    Name n = nameIn(np);
    return n != null && !n.org();
  }

  /** The name a noun phrase gives (its last run of capitalized words not owned by "of"/"de"). */
  Name nameIn(List<AttributionToken> np) {
    Name best = null;
    int i = 0;
    while (i < np.size()) {
      if (!isNameToken(np.get(i))) {
        i++;
        continue;
      }
      int j = runEnd(np, i);
      boolean possessive = j < np.size() && np.get(j).lower().equals("'s");
      boolean complement = linkedBefore(np, i) || placedBefore(np, i);
      // "Ana Lee of Tampa", "Markus Weber aus Dortmund": a name may head its own complement
      boolean headed =
          j + 1 < np.size()
              && !np.get(j).capitalized()
              && HEAD_LINKS.contains(np.get(j).lower())
              // a German noun is capitalized too: "Schweißer aus Dortmund" names nobody
              && (j - i > 1 || !language.equals("de"));
      Name n = j == np.size() || headed ? name(np, i, j) : null;
      if (n != null && !possessive && !complement) {
        best = n;
      }
      i = j;
    }
    return best;
  }

  /** Links after which a phrase says where a named person is from or whom they work for. */
  private static final Set<String> HEAD_LINKS =
      AttributionVerbs.words("of from de d' del della di da do aus von");

  /** Prepositions of place before a capitalized run: "a welder from Dayton", "aus Dortmund". */
  private static final Set<String> PLACE_LINKS =
      AttributionVerbs.words("from in at near aus bei nahe près chez en desde vicino perto");

  private static boolean placedBefore(List<AttributionToken> np, int i) {
    return i > 0
        && np.get(i - 1).isWord()
        && !np.get(i - 1).capitalized()
        && PLACE_LINKS.contains(np.get(i - 1).lower());
  }

  /** A capitalized word owned by a determiner or "of"/"de": "ministre de la Santé". */
  private static boolean isLinked(List<AttributionToken> toks, int k) {
    if (k == 0 || !toks.get(k - 1).isWord() || toks.get(k - 1).capitalized()) {
      return false;
    }
    String w = toks.get(k - 1).lower();
    return SpeakerLexicon.DETERMINERS.contains(w) || SpeakerLexicon.ROLE_LINKS.contains(w);
  }

  /** True when a run is the complement of a role ("chef de l'Etat", "head of Acme Bank"). */
  static boolean linkedBefore(List<AttributionToken> np, int i) {
    if (i > 0 && isComplementLink(np.get(i - 1))) {
      return true; // "ministro das Finanças", "Sprecher des Ministeriums"
    }
    int k = i - 1;
    while (k >= 0
        && SpeakerLexicon.DETERMINERS.contains(np.get(k).lower())
        && !np.get(k).lower().equals("the")) {
      k--;
    }
    if (k >= 0 && np.get(k).lower().equals("the")) {
      k--;
    }
    return k >= 0
        && !np.get(k).capitalized()
        && SpeakerLexicon.ROLE_LINKS.contains(np.get(k).lower())
        && !SpeakerLexicon.DETERMINERS.contains(np.get(k).lower());
  }

  private static boolean isComplementLink(AttributionToken t) {
    String w = t.lower();
    return t.isWord()
        && !t.capitalized()
        && SpeakerLexicon.ROLE_LINKS.contains(w)
        && !w.equals("la")
        && !w.equals("l'")
        && !w.equals("the")
        && !w.equals("le");
  }

  /** Indefinite articles per language: a phrase they open introduces someone new. */
  private static final Map<String, Set<String>> INDEFINITES =
      Map.of(
          "en", AttributionVerbs.words("a an"),
          "fr", AttributionVerbs.words("un une"),
          "es", AttributionVerbs.words("un una uno"),
          "it", AttributionVerbs.words("un una uno un'"),
          "pt", AttributionVerbs.words("um uma"),
          "de", AttributionVerbs.words("ein eine einer einem einen"));

  /** Whether a description opens with an indefinite article ("a woman", "un soudeur"). */
  boolean indefinite(List<AttributionToken> np) {
    return !np.isEmpty()
        && INDEFINITES.getOrDefault(language, Set.of()).contains(np.get(0).lower());
  }

  /** The roles and modifiers of a description ("le général syrien": general, "syrie"). */
  Description describe(List<AttributionToken> np) {
    Set<String> roles = new HashSet<>();
    Set<String> modifiers = new HashSet<>();
    Gender gender = Gender.UNKNOWN;
    boolean definite = false;
    boolean plural = false;
    StringBuilder folded = new StringBuilder();
    for (int k = 0; k < np.size(); k++) {
      String w = np.get(k).lower();
      folded.append(k == 0 ? "" : " ").append(SpeakerLexicon.fold(w));
      plural |= k <= 1 && PLURAL_MARKS.getOrDefault(language, Set.of()).contains(w);
      String role = SpeakerRoles.roleOf(w);
      if (role != null) {
        roles.add(role);
        Gender rg = SpeakerRoles.roleGender(w);
        if (rg == Gender.UNKNOWN && k > 0) {
          rg = SpeakerLexicon.determinerGender(language, np.get(k - 1).lower());
        }
        gender = gender == Gender.UNKNOWN ? rg : gender;
      } else if (k == 0 && isDefinite(w)) {
        definite = true;
      } else if (!SpeakerLexicon.DETERMINERS.contains(w)
          && !SpeakerLexicon.ROLE_LINKS.contains(w)) {
        String m = modifier(w);
        if (m != null) {
          modifiers.add(m);
        }
      }
    }
    String text = folded.toString().replace("' ", "'");
    for (Map.Entry<String, String> e : SpeakerRoles.rolePhrases().entrySet()) {
      if (text.contains(e.getKey())) {
        roles.add(e.getValue());
      }
    }
    return new Description(Set.copyOf(roles), Set.copyOf(modifiers), gender, definite, plural);
  }

  private boolean isDefinite(String w) {
    return switch (language + ":" + w) {
      case "en:the",
          "en:this",
          "fr:le",
          "fr:la",
          "fr:l'",
          "fr:ce",
          "fr:cette",
          "es:el",
          "es:la",
          "de:der",
          "de:die",
          "de:das",
          "it:il",
          "it:lo",
          "it:la",
          "it:l'",
          "pt:o",
          "pt:a" ->
          true;
      default -> false;
    };
  }

  /** Modifiers compare on their first five letters: "syrien" matches "syrienne". */
  static String modifier(String lower) {
    String f = SpeakerLexicon.fold(lower);
    if (f.length() < 4 || SpeakerLexicon.isNotName(lower) || SpeakerLexicon.isPhraseBreak(lower)) {
      return null;
    }
    return f.length() > 5 ? f.substring(0, 5) : f;
  }

  /** Roles, descriptive words and gender printed around the name run [i, j). */
  Context context(List<AttributionToken> toks, int i, int j, int sentenceStart) {
    Set<String> roles = new HashSet<>();
    Set<String> words = new HashSet<>();
    Gender gender = Gender.UNKNOWN;
    StringBuilder before = new StringBuilder();
    for (int k = i; k < j; k++) {
      String role = SpeakerRoles.roleOf(toks.get(k).lower());
      if (role != null) {
        roles.add(role);
      }
    }
    int from = i;
    for (int k = i - 1; k >= Math.max(sentenceStart, i - CONTEXT_BEFORE); k--) {
      AttributionToken t = toks.get(k);
      if (t.isQuote() || (isNameToken(t) && !isStrip(t.lower()) && !isLinked(toks, k))) {
        break;
      }
      from = k;
    }
    Set<String> ignoredRoles = new HashSet<>();
    for (int k = from; k < i; k++) {
      AttributionToken t = toks.get(k);
      if (!t.isWord()) {
        continue;
      }
      addWord(t.lower(), ignoredRoles, words);
    }
    // Roles come only from the words attached to the name: "le général Karim Haddad", or an apposition
    // before it with no verb ("Le chef d'état-major de l'armée, le général Karim Haddad").
    int k = i - 1;
    int segment = i;
    while (k >= sentenceStart && i - k <= 6 && attached(toks.get(k))) {
      segment = k--;
    }
    int rolesFrom = segment;
    if (k >= sentenceStart && toks.get(k).isPunct(",")) {
      int c = k - 1;
      int apposition = k;
      boolean verb = false;
      while (c >= sentenceStart && k - c <= 10 && toks.get(c).isWord()) {
        String w = toks.get(c).lower();
        verb |= isVerb(w);
        apposition = c--;
        boolean linked =
            c >= sentenceStart
                && SpeakerLexicon.ROLE_LINKS.contains(toks.get(c).lower())
                && !SpeakerLexicon.DETERMINERS.contains(toks.get(c).lower());
        boolean pureDeterminer =
            SpeakerLexicon.DETERMINERS.contains(w)
                && !(SpeakerLexicon.ROLE_LINKS.contains(w)
                    && !w.equals("la")
                    && !w.equals("l'")
                    && !w.equals("le")
                    && !w.equals("the"));
        if (pureDeterminer && !linked) {
          break; // the apposition starts at its determiner: "son homologue turc, Yasar Güler"
        }
      }
      if (!verb) {
        rolesFrom = apposition;
      }
    }
    for (int r = rolesFrom; r < i; r++) {
      AttributionToken t = toks.get(r);
      if (t.isWord()) {
        before.append(SpeakerLexicon.fold(t.lower())).append(t.lower().endsWith("'") ? "" : " ");
        addWord(t.lower(), roles, words);
      }
    }
    String text = before.toString();
    for (Map.Entry<String, String> e : SpeakerRoles.rolePhrases().entrySet()) {
      if (text.contains(e.getKey())) {
        roles.add(e.getValue());
      }
    }
    if (i > 0 && toks.get(i - 1).isWord() && SpeakerRoles.roleOf(toks.get(i - 1).lower()) != null) {
      gender = SpeakerRoles.roleGender(toks.get(i - 1).lower());
    }
    if (j + 1 < toks.size()
        && toks.get(j).isPunct(",")
        && toks.get(j + 1).isWord()
        && !verbs.isAnyForm(toks.get(j + 1).lower())
        && !verbs.auxiliaries().contains(toks.get(j + 1).lower())) {
      for (int a = j + 1; a < Math.min(toks.size(), j + 1 + CONTEXT_AFTER); a++) {
        AttributionToken t = toks.get(a);
        if (!t.isWord()) {
          break;
        }
        addWord(t.lower(), roles, words);
        if (gender == Gender.UNKNOWN && SpeakerRoles.roleOf(t.lower()) != null) {
          gender = SpeakerRoles.roleGender(t.lower());
          if (gender == Gender.UNKNOWN && a > j + 1) {
            gender = SpeakerLexicon.determinerGender(language, toks.get(a - 1).lower());
          }
        }
      }
    }
    return new Context(roles, words, gender);
  }

  /** A word that can belong to the title phrase before a name ("le général", "CDU-Politiker"). */
  private boolean attached(AttributionToken t) {
    String w = t.lower();
    if (!t.isWord() || isVerb(w) || (isNameToken(t) && !isStrip(w))) {
      return false;
    }
    return !SpeakerLexicon.isPhraseBreak(language, w) || SpeakerLexicon.ROLE_LINKS.contains(w);
  }

  private boolean isVerb(String lower) {
    return verbs.isAnyForm(lower) || verbs.auxiliaries().contains(lower);
  }

  private void addWord(String lower, Set<String> roles, Set<String> words) {
    if (language.equals("de") && lower.equals("man")) {
      return; // the German impersonal pronoun, not "a man"
    }
    String role = SpeakerRoles.roleOf(lower);
    if (role != null) {
      roles.add(role);
    }
    String m = modifier(lower);
    if (m != null) {
      words.add(m);
    }
  }
}
