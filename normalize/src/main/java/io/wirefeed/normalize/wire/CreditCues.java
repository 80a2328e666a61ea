package io.wirefeed.normalize.wire;

import io.wirefeed.normalize.lang.Folding;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that credit a source, in French, English, Spanish, German, Portuguese and Italian:
 * media nouns ("agence de presse", "Nachrichtenagentur"), crediting cues before a name ("selon",
 * "according to", "citado pela"), verbs after it ("reported", "berichtete"), and what rules a
 * candidate out. Patterns are applied to short windows around one name at a time.
 */
final class CreditCues {
  /** Nouns that say by themselves that the name next to them is a news medium. */
  static final String PRESS_NOUNS = "news agency|press agency|newswire|wire service|news service|newspaper"
      + "|broadcaster|news channel|news website|news portal|daily|tabloid|agence de presse|agence d'information"
      + "|quotidien|hebdomadaire|journal|cha[iî]ne de t[ée]l[ée]vision|cha[iî]ne d'information|site d'information"
      + "|agencia de noticias|agencia de prensa|agencia informativa|diario|peri[óo]dico|cadena de televisi[óo]n"
      + "|semanario|nachrichtenagentur|presseagentur|tageszeitung|wochenzeitung|boulevardzeitung|zeitung"
      + "|fernsehsender|nachrichtensender|radiosender|nachrichtenmagazin|nachrichtenportal|ag[êe]ncia de not[íi]cias"
      + "|jornal|di[áa]rio|semanário|emissora|agenzia di stampa|quotidiano|giornale|emittente|settimanale";
  /** Nouns that need a cue too: an "agency" may be a space or rating agency, a "site" anything. */
  static final String OTHER_NOUNS = "agency|television|tv channel|tv station|tv|radio station|radio|channel"
      + "|network|website|magazine|weekly|outlet|agence|cha[iî]ne|t[ée]l[ée]vision|radio|site|magazine|m[ée]dia"
      + "|agencia|cadena|televisi[óo]n|radio|canal|revista|portal|medio|agentur|sender|rundfunk|magazin|blatt"
      + "|portal|ag[êe]ncia|televis[ãa]o|r[áa]dio|revista|site|agenzia|televisione|canale|rivista|sito";
  static final String NOUNS = PRESS_NOUNS + "|" + OTHER_NOUNS;
  /** German capitalises nouns, so "Nachrichtenagentur Reuters" arrives as one run of capitalised words. */
  static final Pattern LEADING_NOUN = Pattern.compile("^(?:Nachrichtenagentur|Presseagentur|Agentur"
      + "|Tageszeitung|Wochenzeitung|Boulevardzeitung|Zeitung|Fernsehsender|Nachrichtensender|Radiosender|Sender"
      + "|Nachrichtenmagazin|Magazin|Nachrichtenportal|Portal|Rundfunk|Blatt)\\s+");
  static final Pattern NOUN_ONLY = Pattern.compile("(?iu)(?:" + NOUNS + ")");
  static final Pattern PRESS_NOUN = Pattern.compile("(?iu)(?:" + PRESS_NOUNS + ")");
  static final String ARTICLE = "(?:l'|l’|la|le|les|the|el|los|las|die|der|dem|den|des|do|da|o|a|os|as|il|lo"
      + "|gli|un|une|una|uno|um|uma|an|au|aux|al|ao|à|à la|à l'|alla|all'|sur l'|dell'|della|del|dal|dalla|pela|pelo"
      + "|na|no|im|zur|zum)";
  static final String STRONG_CUES = "according to|as reported by|told|telling|said to|speaking to|speaking with"
      + "|in an interview with|interview with|interviewed by|quoted by|cited by|carried by|reported by|published by"
      + "|broadcast by|aired by|in comments to|in remarks to|in a statement to|report by|reports by|reported|quoted"
      + "|cited|quoting|citing|selon|d'après|d’après|a rapporté|rapporte|rapportait|a indiqué|indique"
      + "|a annoncé|annonce"
      + "|a précisé|a affirmé|affirme|citée par|cité par|citées par|cités par|citant|a déclaré|a dit|a confié"
      + "|a assuré"
      + "|a expliqué|a raconté|interrogée? par|interrogés? par|au micro de|sur l'antenne de|à l'antenne de"
      + "|dans un entretien(?: accordé)?|dans une interview(?: accordée)?|relayée? par|diffusée? par|publiée? par"
      + "|rapportée? par|según informó|según informa|según|de acuerdo con|informó|informa|publicó|publica|citado por"
      + "|citada por|recogió|recoge|dijo|declaró|afirmó|aseguró|explicó|indicó|en declaraciones|en una entrevista con"
      + "|en entrevista con|reportó|difundió|divulgó|laut|berichtete|meldete|berichtet|meldet|sagte|sagt|erklärte"
      + "|zitierte|zitiert|im interview mit|gegenüber|unter berufung auf|segundo|de acordo com|citado pel[ao]"
      + "|citada pel[ao]|informou|noticiou|avançou|disse|declarou|em declarações|em entrevista|relatou|divulgou"
      + "|publicou|riferisce|riporta|ha riferito|ha riportato|citato da|citata da|citato dall'|citata dall'|ha detto"
      + "|ha dichiarato|in un'intervista|come riporta|scrive|ha scritto|rilanciato da|rilanciata da|diffuso da";
  static final String PREPOSITIONS = "on|in|to|with|via|sur|à|au|aux|dans|al|en|con|im|in der|bei|ao"
      + "|na|no|em|pela|pelo|su|sul|sulla|alla|by|par|por|von|da|dalla|dal";
  static final Pattern CUE_BEFORE = Pattern.compile("(?iu)(?<cue>(?<strong>" + STRONG_CUES
      + ")(?:\\s+(?:" + PREPOSITIONS + "))?|(?<prep>" + PREPOSITIONS + "))(?:\\s+|(?<=')|(?<=’))(?:" + ARTICLE
      + "(?:\\s+|(?<=')|(?<=’)))?(?:(?!(?:of|de|that|que|qui|which|who|and|et|y|und|to|from|in|with)\\s)"
      + "[\\p{Ll}][\\p{L}\\p{M}'’\\-]*\\s+){0,2}[\"“«„]?\\s*$");
  static final Pattern NOUN_BEFORE = Pattern.compile("(?<!\\p{L})(?<noun>(?iu:" + NOUNS
      + "))(?<desc>(?:\\s+[\\p{Ll}][\\p{L}\\p{M}'’\\-]*){0,3})\\s*[\"“«„]?\\s*$");
  static final Pattern NOUN_AFTER = Pattern.compile("^[\"”»“]?\\s*(?<noun>(?iu:" + NOUNS + "))(?!\\p{L})");
  static final String VERBS = "reported|reports|said|says|quoted|quotes|cited|cites|carried|showed|broadcast"
      + "|aired|wrote|published|a rapporté|rapporte|a indiqué|indique|a annoncé|annonce|a précisé|a écrit|écrit"
      + "|informó|informa|publicó|reportó|señaló|indicó|difundió|berichtete|berichtet|meldete|meldet|zitierte|zufolge"
      + "|schrieb|noticiou|informou|avançou|divulgou|publicou|relatou|riferisce|riporta|ha riferito|ha riportato"
      + "|ha scritto|scrive"
      // plural subjects: "Reuters und dpa berichteten", "l'AFP et Reuters rapportent"
      + "|report|quote|cite|publish|ont rapporté|rapportent|indiquent|annoncent|informaron"
      + "|publicaron|reportaron|berichteten|meldeten|schrieben|zitierten|noticiaram|informaram|publicaram"
      + "|riferiscono|riportano|hanno riferito|scrivono";
  static final Pattern VERB_AFTER = Pattern.compile("^[\"”»“]?,?\\s*(?iu:(?:news agency|agency|newspaper)\\s+)?"
      + "(?<verb>(?iu:" + VERBS + "))(?!\\p{L})");
  /** Descriptors that make an "agency" something other than a news agency. */
  static final Pattern NOT_PRESS = Pattern.compile("(?iu)notation|rating|calificaci|spatial|space|espacial"
      + "|spazial|nucl[ée]ai|nuclear|atomi|dopage|doping|sanitaire|health|immobili|voyage|travel|publicit|advertis"
      + "|intelligence|renseignement|environment|environnement|emploi|employment|spatiale");
  static final Pattern VERB = Pattern.compile("(?iu:" + VERBS + ")");
  /** Words that end a noun phrase: a descriptor never holds them ("newspaper reported that Airbus"). */
  static final Set<String> FUNCTION_WORDS = Set.of("that", "which", "who", "whose", "has", "had", "have",
      "is", "was", "were", "are", "and", "or", "but", "said", "says", "que", "qui", "dont", "est", "et", "ou",
      "mais", "a", "ont", "y", "o", "es", "fue", "ha", "han", "dass", "und", "oder", "ist", "hat", "war", "wurde",
      "che", "e", "ed", "hanno", "è", "foi", "tem", "os", "as", "to", "for", "pour", "para", "per", "fur",
      "with", "avec", "con", "com", "mit", "by", "par", "por", "von", "of", "in", "from", "at", "on", "gave", "called");
  /** What a poll or a study is "by" is not a source the story credits for its facts. */
  static final Pattern NOT_A_SOURCE_AFTER = Pattern.compile("(?iu)^[’']?s?\\s*(?:poll|polls|survey|polling"
      + "|analysis|count|tally|estimate|study|sondage|encuesta|umfrage|sondaggio|sondagem|pesquisa)\\b");

  /** Every word of the media nouns, folded: a cheap test before the noun patterns are tried. */
  static final Set<String> NOUN_WORDS = wordsOf(NOUNS);
  /** Every word of the reporting verbs, folded. */
  static final Set<String> VERB_WORDS = wordsOf(VERBS);

  private CreditCues() {}

  /** The words of a pattern alternation, a character class standing for its first character. */
  private static Set<String> wordsOf(String alternation) {
    Set<String> words = new HashSet<>();
    String plain = alternation.replaceAll("\\[(.)[^\\]]*\\]", "$1").replaceAll("[()?:]", "");
    for (String alternative : plain.split("\\|")) {
      for (String word : Folding.key(alternative).split(" ")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return Set.copyOf(words);
  }
}
