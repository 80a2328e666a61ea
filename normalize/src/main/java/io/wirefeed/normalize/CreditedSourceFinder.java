package io.wirefeed.normalize;

import io.wirefeed.model.CreditedSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the other agencies and outlets a story credits, in six languages: "a rapporté l'agence de
 * presse SANA", "according to state news agency IRNA", "told the BBC", "según informó la agencia
 * Europa Press", "wie die Nachrichtenagentur Reuters berichtete", "citado pela agência Lusa",
 * "riferisce l'agenzia Nova", "the Interfax news agency quoted", "carried by KCNA".
 *
 * <p>Each capitalised name in the text is a candidate; it is credited when a media noun ("agency",
 * "Nachrichtenagentur", "quotidien") and/or a crediting cue ("selon", "told", "berichtete") stand
 * next to it. Unknown outlets count when the noun or a strong cue says what they are; a bare
 * preposition ("sur France Inter") counts only for outlets we know.
 */
final class CreditedSourceFinder {
  /** Enough text for any article; bounds the work on pathological input. */
  private static final int MAX_CHARS = 200_000;
  private static final int BEFORE = 110;
  private static final int AFTER = 60;

  private static final String TOKEN = "\\p{Lu}[\\p{L}\\p{M}\\p{N}\\-'’.&]*";
  private static final Pattern NAME_RUN = Pattern.compile("(?<![\\p{L}\\p{N}])(?:dpa\\b|epd\\b|" + TOKEN + ")(?:[ \\u00A0]"
      + "(?:(?:de|del|di|du|des|of|the|da|do|la|le|al|el|am|an|und|and|&|y|e|della|dos)[ \\u00A0])?" + TOKEN + "){0,5}");

  /** Nouns that say by themselves that the name next to them is a news medium. */
  private static final String PRESS_NOUNS = "news agency|press agency|newswire|wire service|news service|newspaper"
      + "|broadcaster|news channel|news website|news portal|daily|tabloid|agence de presse|agence d'information"
      + "|quotidien|hebdomadaire|journal|cha[iî]ne de t[ée]l[ée]vision|cha[iî]ne d'information|site d'information"
      + "|agencia de noticias|agencia de prensa|agencia informativa|diario|peri[óo]dico|cadena de televisi[óo]n"
      + "|semanario|nachrichtenagentur|presseagentur|tageszeitung|wochenzeitung|boulevardzeitung|zeitung"
      + "|fernsehsender|nachrichtensender|radiosender|nachrichtenmagazin|nachrichtenportal|ag[êe]ncia de not[íi]cias"
      + "|jornal|di[áa]rio|semanário|emissora|agenzia di stampa|quotidiano|giornale|emittente|settimanale";
  /** Nouns that need a cue too: an "agency" may be a space or rating agency, a "site" anything. */
  private static final String OTHER_NOUNS = "agency|television|tv channel|tv station|tv|radio station|radio|channel"
      + "|network|website|magazine|weekly|outlet|agence|cha[iî]ne|t[ée]l[ée]vision|radio|site|magazine|m[ée]dia"
      + "|agencia|cadena|televisi[óo]n|radio|canal|revista|portal|medio|agentur|sender|rundfunk|magazin|blatt"
      + "|portal|ag[êe]ncia|televis[ãa]o|r[áa]dio|revista|site|agenzia|televisione|canale|rivista|sito";
  private static final String NOUNS = PRESS_NOUNS + "|" + OTHER_NOUNS;
  private static final Pattern LEADING_NOUN = Pattern.compile("^(?iu:" + PRESS_NOUNS
      + "|agentur|sender|rundfunk|magazin|blatt|portal)\\s+");
  private static final Pattern PRESS_NOUN = Pattern.compile("(?iu)(?:" + PRESS_NOUNS + ")");

  private static final String ARTICLE = "(?:l'|l’|la|le|les|the|el|los|las|die|der|dem|den|des|do|da|o|a|os|as|il|lo"
      + "|gli|un|une|una|uno|um|uma|an|au|aux|al|ao|à|à la|à l'|alla|all'|sur l'|dell'|della|del|dal|dalla|pela|pelo"
      + "|na|no|im|zur|zum)";
  private static final String STRONG_CUES = "according to|as reported by|told|telling|said to|speaking to|speaking with"
      + "|in an interview with|interview with|interviewed by|quoted by|cited by|carried by|reported by|published by"
      + "|broadcast by|aired by|in comments to|in remarks to|in a statement to|report by|reports by|reported|quoted"
      + "|cited|quoting|citing|selon|d'après|d’après|a rapporté|rapporte|rapportait|a indiqué|indique|a annoncé|annonce"
      + "|a précisé|a affirmé|affirme|citée par|cité par|citées par|cités par|citant|a déclaré|a dit|a confié|a assuré"
      + "|a expliqué|a raconté|interrogée? par|interrogés? par|au micro de|sur l'antenne de|à l'antenne de"
      + "|dans un entretien(?: accordé)?|dans une interview(?: accordée)?|relayée? par|diffusée? par|publiée? par"
      + "|rapportée? par|según informó|según informa|según|de acuerdo con|informó|informa|publicó|publica|citado por"
      + "|citada por|recogió|recoge|dijo|declaró|afirmó|aseguró|explicó|indicó|en declaraciones|en una entrevista con"
      + "|en entrevista con|reportó|difundió|divulgó|laut|berichtete|meldete|berichtet|meldet|sagte|sagt|erklärte"
      + "|zitierte|zitiert|im interview mit|gegenüber|unter berufung auf|segundo|de acordo com|citado pel[ao]"
      + "|citada pel[ao]|informou|noticiou|avançou|disse|declarou|em declarações|em entrevista|relatou|divulgou"
      + "|publicou|riferisce|riporta|ha riferito|ha riportato|citato da|citata da|citato dall'|citata dall'|ha detto"
      + "|ha dichiarato|in un'intervista|come riporta|scrive|ha scritto|rilanciato da|rilanciata da|diffuso da";
  private static final String PREPOSITIONS = "on|in|to|with|via|sur|à|au|aux|dans|a|al|en|con|an|im|in der|bei|ao|à"
      + "|na|no|em|su|sul|sulla|alla|by|par|por|von|da|dalla|dal";
  private static final Pattern CUE_BEFORE = Pattern.compile("(?iu)(?:^|[\\s,;:(—–-])(?<cue>(?<strong>" + STRONG_CUES
      + ")(?:\\s+(?:" + PREPOSITIONS + "))?|(?<prep>" + PREPOSITIONS + "))(?:\\s+|(?<=')|(?<=’))(?:" + ARTICLE
      + "(?:\\s+|(?<=')|(?<=’)))?(?:[\\p{Ll}][\\p{L}\\p{M}'’\\-]*\\s+){0,2}[\"“«„]?\\s*$");
  private static final Pattern NOUN_BEFORE = Pattern.compile("(?<!\\p{L})(?<noun>(?iu:" + NOUNS
      + "))(?<desc>(?:\\s+[\\p{Ll}][\\p{L}\\p{M}'’\\-]*){0,3})\\s*[\"“«„]?\\s*$");
  private static final Pattern NOUN_AFTER = Pattern.compile("^[\"”»“]?\\s*(?<noun>(?iu:" + NOUNS + "))(?!\\p{L})");
  private static final String VERBS = "reported|reports|said|says|quoted|quotes|cited|cites|carried|showed|broadcast"
      + "|aired|wrote|published|a rapporté|rapporte|a indiqué|indique|a annoncé|annonce|a précisé|a écrit|écrit"
      + "|informó|informa|publicó|reportó|señaló|indicó|difundió|berichtete|berichtet|meldete|meldet|zitierte|zufolge"
      + "|schrieb|noticiou|informou|avançou|divulgou|publicou|relatou|riferisce|riporta|ha riferito|ha riportato"
      + "|ha scritto|scrive";
  private static final Pattern VERB_AFTER = Pattern.compile("^[\"”»“]?,?\\s*(?iu:(?:news agency|agency|newspaper)\\s+)?"
      + "(?<verb>(?iu:" + VERBS + "))(?!\\p{L})");
  /** Descriptors that make an "agency" something other than a news agency. */
  private static final Pattern NOT_PRESS = Pattern.compile("(?iu)notation|rating|calificaci|spatial|space|espacial"
      + "|spazial|nucl[ée]ai|nuclear|atomi|dopage|doping|sanitaire|health|immobili|voyage|travel|publicit|advertis"
      + "|intelligence|renseignement|environment|environnement|emploi|employment|spatiale");

  private static final Pattern VERB = Pattern.compile("(?iu:" + VERBS + ")");
  /** Words that end a noun phrase: a descriptor never holds them ("newspaper reported that Airbus"). */
  private static final Set<String> FUNCTION_WORDS = Set.of("that", "which", "who", "whose", "has", "had", "have",
      "is", "was", "were", "are", "and", "or", "but", "said", "says", "que", "qui", "dont", "est", "et", "ou",
      "mais", "a", "ont", "y", "o", "es", "fue", "ha", "han", "dass", "und", "oder", "ist", "hat", "war", "wurde",
      "che", "e", "ed", "hanno", "è", "foi", "tem", "os", "as", "to", "for", "pour", "para", "per", "fur",
      "with", "avec", "con", "com", "mit", "by", "par", "por", "von");
  private static final Set<String> TRAILING_NOISE = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
      "miercoles", "jueves", "viernes", "sabado", "domingo", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
      "samstag", "sonntag", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "on", "in",
      "today", "hoy", "heute", "oggi", "hoje", "aujourd hui");
  private static final Set<String> LEADING_ARTICLES = Set.of("the", "la", "le", "les", "el", "los", "las", "die", "der",
      "das", "il", "lo", "o", "a", "l");
  private static final Set<String> OUTLET_WORDS = Set.of("times", "post", "news", "press", "journal", "herald", "tribune",
      "gazette", "zeitung", "telegraph", "guardian", "daily", "tv", "radio", "television", "channel",
      "inter", "info", "diario", "jornal", "giornale", "corriere", "gazzetta", "chronicle", "observer", "express",
      "mail", "mirror", "monde", "courrier", "courier", "matin", "soir", "quotidien", "kurier", "rundschau",
      "allgemeine", "nachrichten", "stampa", "messaggero", "periodico", "noticias", "folha", "globo", "tele", "tg");
  private static final Map<String, String> OUTLETS = outlets();

  /** The sources credited in the paragraphs, first mention first, without the story's own agency. */
  List<CreditedSource> find(List<String> paragraphs, String ownAgency) {
    Map<String, CreditedSource> found = new LinkedHashMap<>();
    int budget = MAX_CHARS;
    for (String paragraph : paragraphs) {
      if (budget <= 0) {
        break;
      }
      String text = paragraph.length() > budget ? paragraph.substring(0, budget) : paragraph;
      budget -= text.length();
      Matcher run = NAME_RUN.matcher(text);
      while (run.find()) {
        CreditedSource credit = judge(text, run.start(), run.end());
        if (credit != null && !isOwn(credit.name(), ownAgency)) {
          found.putIfAbsent(Folding.key(credit.name()), credit);
        }
      }
    }
    return List.copyOf(found.values());
  }

  private CreditedSource judge(String text, int start, int end) {
    String run = text.substring(start, end);
    // German capitalises nouns: "Nachrichtenagentur Reuters" is one run of capitals; split the noun off
    int nounEnd = leadingNounEnd(run);
    boolean nounInRun = nounEnd > 0;
    int nameStart = nounInRun ? start + nounEnd : start;
    boolean nounFollows = NOUN_AFTER.matcher(text.substring(end, Math.min(text.length(), end + AFTER))).find();
    String name = cleanName(text.substring(nameStart, end), nounFollows);
    if (name == null) {
      return null;
    }
    String before = text.substring(Math.max(0, (nounInRun ? start : nameStart) - BEFORE), nounInRun ? start : nameStart);
    String after = text.substring(end, Math.min(text.length(), end + AFTER));
    String noun = null;
    String desc = "";
    int phraseStart = nameStart;
    if (nounInRun) {
      noun = run.substring(0, nounEnd).strip();
      phraseStart = start;
      before = text.substring(Math.max(0, start - BEFORE), start) + noun + " ";
      before = before.substring(0, before.length() - noun.length() - 1);
    } else {
      Matcher nb = NOUN_BEFORE.matcher(before);
      if (nb.find() && !hasFunctionWord(nb.group("desc"))) {
        noun = nb.group("noun");
        desc = nb.group("desc");
        phraseStart = nameStart - (before.length() - nb.start());
        before = before.substring(0, nb.start());
      }
    }
    Matcher na = NOUN_AFTER.matcher(after);
    int phraseEnd = end;
    if (noun == null && na.find()) {
      noun = na.group("noun");
      phraseEnd = end + na.end();
    }
    Matcher verb = VERB_AFTER.matcher(text.substring(phraseEnd, Math.min(text.length(), phraseEnd + AFTER)));
    boolean verbAfter = verb.find();
    if (verbAfter) {
      phraseEnd += verb.end();
    }
    Matcher cue = CUE_BEFORE.matcher(before);
    boolean strongCue = false;
    boolean prepCue = false;
    if (cue.find()) {
      strongCue = cue.group("strong") != null;
      prepCue = !strongCue;
      phraseStart = Math.max(0, phraseStart - (before.length() - cue.start("cue")));
    }
    String known = knownName(name);
    boolean accept;
    if (noun != null && NOT_PRESS.matcher(desc).find()) {
      accept = false;
    } else if (noun != null && PRESS_NOUN.matcher(noun).matches()) {
      accept = true;
    } else if (noun != null) {
      accept = known != null || strongCue || verbAfter;
    } else {
      accept = known != null && (strongCue || prepCue || verbAfter)
          || (strongCue || verbAfter) && isOutletShaped(name);
    }
    if (!accept) {
      return null;
    }
    String display = known != null ? known : name;
    String phrase = text.substring(phraseStart, Math.min(text.length(), phraseEnd)).strip()
        .replaceAll("[\\s.,;:]+$", "");
    return new CreditedSource(display, phrase.isEmpty() ? display : phrase);
  }

  private static int leadingNounEnd(String run) {
    Matcher m = LEADING_NOUN.matcher(run);
    return m.find() ? m.end() : 0;
  }

  private static boolean hasFunctionWord(String descriptors) {
    for (String word : descriptors.strip().split("\\s+")) {
      if (!word.isEmpty() && (FUNCTION_WORDS.contains(Folding.key(word)) || VERB.matcher(word).matches())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Trims articles, possessives, trailing weekdays and punctuation; null when nothing name-like is
   * left. A possessive names the owner when a media noun follows ("France's Les Echos newspaper"),
   * the outlet otherwise ("the BBC's Today programme").
   */
  private static String cleanName(String raw, boolean nounFollows) {
    List<String> tokens = new ArrayList<>(List.of(raw.strip().split("[ \\u00A0]+")));
    while (!tokens.isEmpty() && LEADING_ARTICLES.contains(Folding.key(tokens.get(0)))
        && knownName(String.join(" ", tokens)) == null) {
      tokens.remove(0);
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.endsWith("'s") || t.endsWith("’s")) {
        if (nounFollows && i + 1 < tokens.size()) {
          tokens = new ArrayList<>(tokens.subList(i + 1, tokens.size()));
        } else {
          tokens = new ArrayList<>(tokens.subList(0, i + 1));
          tokens.set(i, t.substring(0, t.length() - 2));
        }
        break;
      }
    }
    while (!tokens.isEmpty() && TRAILING_NOISE.contains(Folding.key(tokens.get(tokens.size() - 1)))) {
      tokens.remove(tokens.size() - 1);
    }
    String name = String.join(" ", tokens).replaceAll("[.,;:'’\\-]+$", "").strip();
    if (name.length() < 2 || Months.number(name) > 0 || TRAILING_NOISE.contains(Folding.key(name))) {
      return null;
    }
    return name;
  }

  private static String knownName(String name) {
    String agency = Agencies.canonical(name);
    if (agency != null) {
      return agency;
    }
    return OUTLETS.get(Folding.key(name));
  }

  private static boolean isOutletShaped(String name) {
    for (String token : Folding.key(name).split(" ")) {
      if (OUTLET_WORDS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOwn(String name, String ownAgency) {
    if (ownAgency == null) {
      return false;
    }
    String canonical = Agencies.canonical(name);
    return ownAgency.equals(canonical) || Folding.key(ownAgency).equals(Folding.key(name));
  }

  private static Map<String, String> outlets() {
    String[] names = {"BBC", "BBC News", "BBC World Service", "CNN", "Fox News", "NBC", "NBC News", "CBS", "CBS News",
        "ABC News", "MSNBC", "NPR", "CNBC", "Al Jazeera", "Al-Jazeera", "Al Arabiya", "Al-Arabiya", "Al Mayadeen",
        "Sky News", "The New York Times", "New York Times", "The Washington Post", "Washington Post",
        "The Wall Street Journal", "Wall Street Journal", "Financial Times", "The Guardian", "Guardian", "The Times",
        "The Telegraph", "Politico", "Axios", "NHK", "CCTV", "CGTN", "Global Times", "People's Daily", "RT", "Press TV",
        "France Inter", "France Info", "franceinfo", "BFMTV", "BFM TV", "RTL", "Europe 1", "LCI", "TF1", "France 2",
        "France 3", "France 24", "RFI", "Radio France Internationale", "Le Monde", "Le Figaro", "Libération",
        "Le Parisien", "Les Echos", "Le Journal du Dimanche", "JDD", "L'Express", "Le Point", "Mediapart",
        "Ouest-France", "Der Spiegel", "Spiegel", "Bild", "Bild am Sonntag", "ARD", "ZDF", "Deutschlandfunk",
        "Süddeutsche Zeitung", "Frankfurter Allgemeine Zeitung", "FAZ", "Die Welt", "Welt am Sonntag",
        "Handelsblatt", "Tagesschau", "Deutsche Welle", "DW", "El País", "El Mundo", "La Vanguardia", "RTVE", "TVE",
        "Cadena SER", "COPE", "Onda Cero", "Antena 3", "Telecinco", "El Periódico", "Clarín", "La Nación", "Infobae",
        "Televisa", "Corriere della Sera", "La Repubblica", "Repubblica", "La Stampa", "Il Sole 24 Ore", "RAI", "Rai",
        "Mediaset", "Sky TG24", "Il Messaggero", "Público", "Expresso", "Diário de Notícias", "Jornal de Notícias",
        "Observador", "RTP", "SIC", "TVI", "Folha de S.Paulo", "Folha", "O Globo", "Estadão", "TV Globo", "Kommersant",
        "Izvestia", "Vedomosti", "Haaretz", "Times of Israel", "Jerusalem Post", "Al-Ahram", "Asharq Al-Awsat", "Dawn",
        "Hindustan Times", "Times of India", "NDTV", "South China Morning Post", "Yomiuri", "Asahi", "Nikkei",
        "Le Soir", "RTBF", "VRT", "NOS", "De Telegraaf", "Le Temps", "NZZ", "SRF", "RTS", "Voice of America", "VOA",
        "Radio Free Europe", "Radio Liberty", "Euronews", "Arte", "Channel 4", "ITV"};
    Map<String, String> map = new HashMap<>();
    for (String name : names) {
      map.putIfAbsent(Folding.key(name), name);
      String key = Folding.key(name);
      for (String article : List.of("the ", "le ", "la ", "el ", "die ", "der ", "o ", "il ", "l ")) {
        if (key.startsWith(article)) {
          map.putIfAbsent(key.substring(article.length()), name);
        }
      }
    }
    return Map.copyOf(map);
  }
}
