package io.wirefeed.normalize.quote;

import java.util.List;
import java.util.Set;

/**
 * Noun phrases that stand where a speaker would but cannot be one: pronouns for things ("It said",
 * "This said"), documents and messages ("a separate June memo said", "One message said"), a voice
 * or a tone. Downstream readers trust the speaker field, so such a subject gives no speaker rather
 * than a printed phrase that names nobody.
 */
final class NonSpeakers {
  private NonSpeakers() {}

  /**
   * Pronouns that name no one the story prints: things and demonstratives, and the writer or reader
   * ("I laughed and said").
   */
  private static final Set<String> THING_PRONOUNS =
      AttributionVerbs.words(
          """
          it this that these those there which what something nothing everything ce cela ça ceci
          celui-ci esto eso ello aquello es das dies dieses ciò questo quello isso isto aquilo
          i we you je nous vous yo nosotros ich wir io noi eu nós\
          """);

  /** Whether a word is a pronoun for the writer or the reader ("I", "we", "nous"). */
  static boolean personalNotThird(String lower) {
    return PERSONAL.contains(lower);
  }

  private static final Set<String> PERSONAL =
      AttributionVerbs.words("i we you je nous vous yo nosotros ich wir io noi eu nós");

  /** English auxiliaries: a subject phrase that holds one has run into its verb. */
  private static final Set<String> AUXILIARIES =
      AttributionVerbs.words("is are was were been has have had does did will would could");

  /**
   * Heads of noun phrases that name texts, messages and means of speaking, in the six languages
   * (folded; a plural in "s" is folded to its singular before the lookup).
   */
  private static final Set<String> THING_NOUNS =
      AttributionVerbs.words(
          """
          statement memo memorandum message letter email e-mail tweet note report document result
          documents study survey poll filing complaint lawsuit indictment ruling order text
          transcript release website article editorial book video ad advert advertisement sign
          banner headline caption voice tone record data figures draft proposal plan bill law
          resolution agreement deal guidance chart graph analysis paper brief motion petition
          communique declaration lettre courriel rapport etude sondage enquete plainte decision
          ordonnance texte site livre video affiche voix ton donnees chiffres projet loi accord
          note comunicado declaracion carta correo mensaje informe documento estudio encuesta
          demanda sentencia texto sitio libro cartel voz datos cifras proyecto ley acuerdo nota
          erklarung mitteilung brief nachricht bericht dokument studie umfrage klage urteil text
          buch stimme daten zahlen entwurf gesetz abkommen vermerk comunicato dichiarazione
          lettera messaggio rapporto documento studio sondaggio sentenza testo libro voce dati
          bozza legge accordo declaracao mensagem relatorio estudo pesquisa sentenca livro
          dados projeto lei acordo\
          """);

  /**
   * Whether a subject printed before or after an attribution verb can name a speaker: a person, an
   * organisation, or people described by a role ("a senior official", "witnesses").
   */
  static boolean canSpeak(SpeakerNames names, List<AttributionToken> np) {
    if (np.isEmpty()) {
      return false;
    }
    if (np.size() == 1 && THING_PRONOUNS.contains(np.get(0).lower())) {
      return false;
    }
    AttributionToken head = head(np);
    if (head.isWord() && isThing(head.lower()) && (!head.capitalized() || plural(head.lower()))) {
      // "the ministry statement", "Notes on the conversation": the document, not its author
      return false;
    }
    if (head.capitalized() && SpeakerLexicon.isNotName(head.lower()) && np.size() > 1) {
      return false; // "a separate June" (memo): a date, cut from the document it dates
    }
    if (names.nameIn(np) != null) {
      return true;
    }
    boolean content = false;
    for (AttributionToken t : np) {
      String w = t.lower();
      if (!t.isWord()) {
        continue;
      }
      if (w.endsWith("n't") || AUXILIARIES.contains(w)) {
        return false; // "The final results aren't": a clause, not a subject
      }
      if (SpeakerLexicon.isOrgWord(w) || SpeakerRoles.roleOf(w) != null) {
        return true;
      }
      if (t.capitalized()
          && !SpeakerLexicon.isNotName(w)
          && !SpeakerLexicon.DETERMINERS.contains(w)) {
        return true; // an acronym or a name the lexicon does not know ("the RNC")
      }
      content |=
          !SpeakerLexicon.isNotName(w)
              && !SpeakerLexicon.DETERMINERS.contains(w)
              && !SpeakerLexicon.isSkippable(w);
    }
    // "Witnesses", "some residents": people described by an unlisted noun; "Asked" is nobody
    return content;
  }

  /**
   * The author of a document that stands as the subject: "Ivana Trump's brief said", "the
   * ministry's statement said". Null when the phrase is not "name's document".
   */
  static List<AttributionToken> author(SpeakerNames names, List<AttributionToken> np) {
    AttributionToken head = head(np);
    if (!head.isWord() || !AUTHORED.contains(singular(SpeakerLexicon.fold(head.lower())))) {
      return null;
    }
    for (int k = 1; k < np.size(); k++) {
      if (np.get(k).lower().equals("'s")) {
        List<AttributionToken> owner = np.subList(0, k);
        return canSpeak(names, owner) ? owner : null;
      }
    }
    return null;
  }

  /** Texts someone writes in their own name: their author speaks through them. */
  private static final Set<String> AUTHORED =
      AttributionVerbs.words(
          """
          statement memo memorandum message letter email e-mail tweet note filing brief complaint
          release communique declaration lettre courriel comunicado declaracion carta nota mensaje
          erklarung mitteilung stellungnahme nachricht comunicato dichiarazione lettera messaggio
          declaracao mensagem\
          """);

  private static String singular(String folded) {
    return folded.length() > 3 && folded.endsWith("s")
        ? folded.substring(0, folded.length() - 1)
        : folded;
  }

  /** The head noun: the last word before a complement ("a narrator in the Clinton ad"). */
  private static AttributionToken head(List<AttributionToken> np) {
    for (int k = 1; k < np.size(); k++) {
      String w = np.get(k).lower();
      if (COMPLEMENT_LINKS.contains(w) && !np.get(k).capitalized()) {
        return np.get(k - 1);
      }
    }
    return np.get(np.size() - 1);
  }

  /** Prepositions that open a complement after a head noun, in the six languages. */
  private static final Set<String> COMPLEMENT_LINKS =
      AttributionVerbs.words(
          "in on at for from with of about de du des à pour sur avec del en con para por von für"
              + " mit aus bei über di per su da do na no em com");

  private static boolean plural(String lower) {
    String f = SpeakerLexicon.fold(lower);
    return f.endsWith("s") && THING_NOUNS.contains(f.substring(0, f.length() - 1));
  }

  private static boolean isThing(String lower) {
    String f = SpeakerLexicon.fold(lower);
    return THING_NOUNS.contains(f)
        || (f.length() > 3
            && f.endsWith("s")
            && THING_NOUNS.contains(f.substring(0, f.length() - 1)));
  }
}
