package io.wirefeed.normalize.quote;

import static io.wirefeed.normalize.quote.AttributionVerbs.words;

import io.wirefeed.normalize.lang.Folding;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words that describe people in six languages: pronouns, titles, roles, name particles, first
 * names.
 *
 * <p>Role words are folded (lower case, no accents) and mapped to one role id per concept, so "la
 * ministra", "die Ministerin" and "the minister" all denote {@code minister} and "le chef de
 * l'Etat" can be matched with "le président Emmanuel Macron".
 */
final class SpeakerLexicon {
  private SpeakerLexicon() {}

  /** Grammatical gender of a person reference: male, female, plural, or unknown. */
  enum Gender {
    MALE,
    FEMALE,
    PLURAL,
    UNKNOWN;

    boolean compatibleWith(Gender other) {
      return this == UNKNOWN || other == UNKNOWN || this == other;
    }
  }

  static String fold(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      return s.toLowerCase(
          Locale.ROOT); // no accents to strip: the common case, without a Normalizer
    }
    if (Folding.isLatin1(s)) {
      // accented Western European letters: the same as below, without a Unicode normalization per word
      char[] folded = new char[s.length()];
      for (int i = 0; i < folded.length; i++) {
        folded[i] = Character.toLowerCase(Folding.latin1Base(s.charAt(i)));
      }
      return new String(folded);
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c == '’' ? '\'' : c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static final Map<String, Gender> PRONOUNS =
      Map.ofEntries(
          Map.entry("en:he", Gender.MALE),
          Map.entry("en:she", Gender.FEMALE),
          Map.entry("en:they", Gender.PLURAL),
          Map.entry("fr:il", Gender.MALE),
          Map.entry("fr:elle", Gender.FEMALE),
          Map.entry("fr:lui", Gender.MALE),
          Map.entry("fr:ils", Gender.PLURAL),
          Map.entry("fr:elles", Gender.PLURAL),
          Map.entry("es:él", Gender.MALE),
          Map.entry("es:ella", Gender.FEMALE),
          Map.entry("es:ellos", Gender.PLURAL),
          Map.entry("es:ellas", Gender.PLURAL),
          Map.entry("de:er", Gender.MALE),
          Map.entry("de:sie", Gender.FEMALE),
          Map.entry("pt:ele", Gender.MALE),
          Map.entry("pt:ela", Gender.FEMALE),
          Map.entry("pt:eles", Gender.PLURAL),
          Map.entry("pt:elas", Gender.PLURAL),
          Map.entry("it:lui", Gender.MALE),
          Map.entry("it:egli", Gender.MALE),
          Map.entry("it:lei", Gender.FEMALE),
          Map.entry("it:essa", Gender.FEMALE),
          Map.entry("it:loro", Gender.PLURAL));

  /** The gender of a subject pronoun in a language, or null when the word is not one. */
  static Gender pronoun(String language, String lower) {
    return PRONOUNS.get(language + ":" + lower);
  }

  /** Gender carried by a French clitic suffix ("a-t-il", "dit-elle"), or null. */
  static Gender cliticGender(String lower) {
    if (lower.endsWith("-il") || lower.endsWith("-t-on") || lower.endsWith("-on")) {
      return Gender.MALE;
    }
    if (lower.endsWith("-elle")) {
      return Gender.FEMALE;
    }
    if (lower.endsWith("-ils") || lower.endsWith("-elles")) {
      return Gender.PLURAL;
    }
    return null;
  }

  /** The verb part of a French inverted form: "a-t-il" gives "a", "dit-elle" gives "dit". */
  static String stripClitic(String lower) {
    for (String suffix : new String[] {"-t-ils", "-t-elles", "-t-il", "-t-elle", "-t-on"}) {
      if (lower.endsWith(suffix)) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    for (String suffix : new String[] {"-ils", "-elles", "-il", "-elle", "-on"}) {
      if (lower.endsWith(suffix)) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    return lower;
  }

  static final Set<String> DETERMINERS =
      words(
          """
          the a an le la les l' un une des du son sa el los las una lo der die das den dem des ein
          eine einer eines il i gli uno o os as um uma his her their its\
          """);

  /** Honorifics and titles printed before a name; the value is the gender they mark. */
  private static final Map<String, Gender> HONORIFICS = honorifics();

  private static Map<String, Gender> honorifics() {
    Map<String, Gender> m = new HashMap<>();
    for (String w :
        words("mr mr. m. herr sr. señor don signor sig. senhor sir lord dom monsieur")) {
      m.put(w, Gender.MALE);
    }
    for (String w :
        words(
            """
            mrs mrs. ms ms. miss mme mme. mlle madame frau fr. sra. sra srta. señora doña signora
            sig.ra senhora dona dame lady\
            """)) {
      m.put(w, Gender.FEMALE);
    }
    for (String w : words("dr dr. prof prof. rev rev. me hon. dott. ing. avv. on. st.")) {
      m.put(w, Gender.UNKNOWN);
    }
    return Map.copyOf(m);
  }

  static Gender honorific(String lower) {
    return HONORIFICS.get(lower);
  }

  /** Words that may open a title before a name in English ("Saudi Energy Minister", "Sen."). */
  private static final Set<String> TITLE_WORDS =
      words(
          """
          president vice prime minister secretary senator sen. sen rep. rep representative gov.
          gov governor mayor gen. gen general col. colonel lt. lieutenant maj. major capt.
          captain adm. admiral sgt. sergeant judge justice chancellor king queen prince princess
          sheikh pope father ambassador commissioner chairman chairwoman chief director speaker
          leader attorney deputy premier emir crown supreme rabbi imam cardinal archbishop bishop
          coach officer detective sheriff superintendent inspector professor doctor former acting
          lt.-gen. brig. brigadier marshal field del. delegate councilman councilwoman
          congressman congresswoman assemblyman assemblywoman state foreign defense defence
          interior finance energy health economy trade justice education labor labour
          agriculture environment transport home treasury commerce ceo spokesman spokeswoman
          spokesperson minority majority whip elect candidate nominee\
          """);

  static boolean isTitleWord(String lower) {
    return TITLE_WORDS.contains(lower)
        || HONORIFICS.containsKey(lower)
        || SpeakerRoles.roleOf(lower) != null;
  }

  /** Name particles that may sit between capitalized name parts ("Charles de Gaulle"). */
  private static final Set<String> PARTICLES =
      words("de da di do dos das del della van von der den ter bin ibn al du zu ben abu");

  /**
   * German articles look like Dutch particles but precede capitalized nouns: not name parts there.
   */
  private static final Set<String> GERMAN_PARTICLES = words("von zu van de vom");

  static boolean isParticle(String language, String lower) {
    return "de".equals(language) ? GERMAN_PARTICLES.contains(lower) : PARTICLES.contains(lower);
  }

  static boolean isParticle(String lower) {
    return PARTICLES.contains(lower);
  }

  /** Words that make a capitalized run an organisation or a place rather than a person. */
  private static final Set<String> ORG_WORDS =
      words(
          """
          ministry ministere ministerio ministerium ministero government gouvernement gobierno
          regierung governo department departement departamento office agency agence agencia
          agentur agenzia party parti partido partei partito council conseil consejo rat
          consiglio conselho committee comite comitato commission comision kommission
          commissione house maison casa court cour tribunal gericht tribunale army armee ejercito
          armee esercito exercito police polizei policia polizia bank banque banco company
          groupe group grupo gruppe gruppo union association foundation fondation fundacion
          stiftung fondazione institute institut instituto istituto university universite
          universidad universitat universita universidade campaign organization organisation
          organizacion organizzazione federation service administration embassy ambassade
          embajada botschaft ambasciata embaixada parliament parlement parlamento parlament
          congress congres congreso kongress senate senat senado senato assembly assemblee
          asamblea board authority autorite corporation inc inc. corp corp. ltd network news
          times post journal press tv radio coalition alliance movement front forces command
          kremlin pentagon elysee palace palais palacio cabinet school hospital center centre
          church club fund league network airlines motors state states republic kingdom nations
          city county street avenue island islands valley river mountain amt republica
          republique repubblica republik nacion nation estado etat stato staat\
          """);

  static boolean isOrgWord(String lower) {
    String f = fold(lower);
    if (ORG_WORDS.contains(f)) {
      return true;
    }
    for (String suffix : ORG_SUFFIXES) {
      if (f.length() > suffix.length() + 2 && f.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** German compounds naming institutions: "Bundesregierung", "Kanzleramt", "Innenministerium". */
  private static final List<String> ORG_SUFFIXES =
      List.of(
          "ministerium", "regierung", "amt", "behorde", "gericht", "verband", "partei", "polizei");

  /** Closed-class words, days and months: a capitalized one at a sentence start is no name. */
  private static final Set<String> NOT_NAMES =
      words(
          """
          the a an in on at but and or when after before as if while with for from by to of this
          that these those it its he she they we i you there here so yet also however meanwhile
          now then still last next his her their our my your what who why how where which many
          some several most all both each every no not one two three four five six seven eight
          nine ten first second third mr mrs ms dr le la les un une des du de et ou mais quand
          après avant pendant dans sur pour par avec sans selon il elle ils elles nous on ce cette
          ces son sa ses leur leurs lors depuis alors ainsi aussi el los las una del y o pero
          cuando tras según en con sin para por él ella ellos este esta estos estas su sus der die
          das den dem des ein eine und oder aber wenn nach vor bei mit ohne für von zu im am es
          er sie wir dies diese dieser auch doch il lo gli i e ma quando dopo prima durante con
          senza per lui lei questo questa anche o os as um uma e mas quando depois antes durante
          com sem para ele ela este esta também monday tuesday wednesday thursday friday saturday
          sunday january february march april may june july august september october november
          december jan jan. feb feb. mar. apr apr. jun jul aug aug. sept sept. sep sep. oct oct.
          nov nov. dec dec. lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes
          miércoles jueves viernes sábado domingo montag dienstag mittwoch donnerstag freitag
          samstag sonntag lunedì martedì mercoledì giovedì venerdì sabato domenica god dieu dios
          gott dio deus although though despite since because unlike like according asked during
          until whether even only just perhaps maybe yes thus hence therefore instead indeed
          besides moreover furthermore nevertheless today yesterday tomorrow where why how lorsque
          about around nearly almost roughly once
          puisque pourtant cependant toutefois selon según secondo segundo laut according aujourd'hui hier demain aunque mientras hoy ayer
          obwohl während heute gestern sebbene mentre oggi ieri embora enquanto hoje ontem\
          """);

  static boolean isNotName(String lower) {
    return NOT_NAMES.contains(lower);
  }

  /** Adverbs and time words that may separate a subject from its verb. */
  private static final Set<String> SKIPPABLE =
      words(
          """
          also later then again previously recently repeatedly often further once earlier
          separately simply only still even just never always too however reportedly publicly
          privately aussi également encore ensuite alors notamment déjà toutefois cependant
          néanmoins enfin ainsi pourtant hier aujourd'hui lundi mardi mercredi jeudi vendredi
          samedi dimanche lui-même elle-même même bien par ailleurs pour sa son part en outre de
          côté plus tard también además luego después hoy ayer ya asimismo incluso entonces
          lunes martes miércoles jueves viernes sábado domingo auch zudem außerdem dann später
          heute gestern bereits noch nun jedoch am anche inoltre poi oggi ieri già ancora però
          ainda hoje ontem depois já today yesterday monday tuesday wednesday thursday friday
          saturday sunday tonight morning evening now later seulement récemment clairement vivement
          fermement directement actuellement finalement particulièrement simplement largement
          totalement longuement publiquement ouvertement fortement immédiatement invece infatti
          pure comunque tuttavia intanto quindi dunque nuovamente tampoco igualmente asimismo
          nuevamente entretanto novamente igualmente entretanto außerdem erneut zudem\
          """);

  /** Nouns that look like English adverbs. */
  private static final Set<String> LY_NOUNS =
      words(
          "family rally ally supply assembly italy july reply belly bully anomaly monopoly homily");

  /** An adverb or time word; a capitalized word ("Kelly", "Beverly") is one only when listed. */
  static boolean isSkippable(AttributionToken t) {
    return t.isWord() && (t.capitalized() ? SKIPPABLE.contains(t.lower()) : isSkippable(t.lower()));
  }

  static boolean isSkippable(String lower) {
    return SKIPPABLE.contains(lower)
        || (lower.length() > 4 && lower.endsWith("ly") && !LY_NOUNS.contains(lower))
        || (lower.length() > 7 && lower.endsWith("mente"));
  }

  /** Prepositions and conjunctions that end a noun phrase read forwards, per language. */
  private static final Map<String, Set<String>> PHRASE_BREAKS =
      Map.of(
          "en",
              words(
                  """
                  in on at during after before to for with from about as that than and or but who
                  which while when because since into through via said says told\
                  """),
          "fr",
              words(
                  """
                  lors dans à au aux pour avec après avant pendant depuis sur sous que qui dont et ou
                  mais car en par lorsque quand\
                  """),
          "es",
              words(
                  """
                  durante en a al con tras para por desde ante sobre y pero cuando mientras que quien
                  e o u\
                  """),
          "de",
              words(
                  """
                  in bei auf nach vor mit während über im am beim dass und oder aber als wenn zu zum
                  zur gegenüber ist sind war waren wird werden sei habe\
                  """),
          "pt",
              words(
                  """
                  durante em a ao após antes com para sobre porque que e ou mas quando na no nas nos
                  pela pelo\
                  """),
          "it",
              words(
                  """
                  in nel nella durante dopo prima con per su tra fra che e ma mentre quando a al alla
                  ad\
                  """));

  static boolean isPhraseBreak(String language, String lower) {
    Set<String> set = PHRASE_BREAKS.get(language);
    return (set == null ? PHRASE_BREAKS.get("en") : set).contains(lower);
  }

  private static final Set<String> ANY_PHRASE_BREAK = union(PHRASE_BREAKS.values());

  private static Set<String> union(java.util.Collection<Set<String>> sets) {
    Set<String> all = new java.util.HashSet<>();
    sets.forEach(all::addAll);
    return Set.copyOf(all);
  }

  /** True when the word ends a noun phrase in any of the six languages. */
  static boolean isPhraseBreak(String lower) {
    return ANY_PHRASE_BREAK.contains(lower);
  }

  /** Prepositions that may link a role to its complement ("head of", "chef de", "jefe del"). */
  static final Set<String> ROLE_LINKS =
      words(
          "of de d' du des del della dello dei degli dell' dall' nell' sull' all' do da dos das di"
              + " der la l' the");

  /** Determiners that mark the following noun feminine or masculine. */
  static Gender determinerGender(String language, String lower) {
    return switch (language + ":" + lower) {
      case "fr:la", "fr:une", "es:la", "es:una", "it:la", "it:una", "pt:a", "pt:uma" ->
          Gender.FEMALE;
      case "fr:le",
          "fr:un",
          "es:el",
          "es:un",
          "it:il",
          "it:lo",
          "it:un",
          "pt:o",
          "pt:um",
          "de:der" ->
          Gender.MALE;
      default -> Gender.UNKNOWN;
    };
  }
}
