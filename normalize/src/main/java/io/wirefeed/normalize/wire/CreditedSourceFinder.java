package io.wirefeed.normalize.wire;

import static io.wirefeed.normalize.wire.CreditCues.CUE_BEFORE;
import static io.wirefeed.normalize.wire.CreditCues.FUNCTION_WORDS;
import static io.wirefeed.normalize.wire.CreditCues.LEADING_NOUN;
import static io.wirefeed.normalize.wire.CreditCues.NOT_A_SOURCE_AFTER;
import static io.wirefeed.normalize.wire.CreditCues.NOT_PRESS;
import static io.wirefeed.normalize.wire.CreditCues.NOUN_AFTER;
import static io.wirefeed.normalize.wire.CreditCues.NOUN_BEFORE;
import static io.wirefeed.normalize.wire.CreditCues.NOUN_ONLY;
import static io.wirefeed.normalize.wire.CreditCues.NOUN_WORDS;
import static io.wirefeed.normalize.wire.CreditCues.PRESS_NOUN;
import static io.wirefeed.normalize.wire.CreditCues.VERB;
import static io.wirefeed.normalize.wire.CreditCues.VERB_AFTER;
import static io.wirefeed.normalize.wire.CreditCues.VERB_WORDS;

import io.wirefeed.model.CreditedSource;
import io.wirefeed.normalize.lang.Folding;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Each run of capitalised words is a candidate name. It is credited when a media noun stands next
 * to it ("l'agence de presse SANA", "the Interfax news agency"), or when it is a known or
 * medium-shaped name with a crediting cue before it ("told the BBC") or a reporting verb after it
 * ("Interfax reported"). Unknown outlets count when a press noun or a strong cue says what they are;
 * a bare preposition ("sur France Inter") counts only for outlets we know.
 */
public final class CreditedSourceFinder {
  /** Enough text for any article; bounds the work on pathological input. */
  private static final int MAX_CHARS = 100_000;
  private static final int BEFORE = 90;
  private static final int AFTER = 60;
  /** A cue or a noun starts within the last few words before a name. */
  private static final int WORDS_BACK = 8;

  private static final String TOKEN = "\\p{Lu}[\\p{L}\\p{M}\\p{N}\\-'’.&]*";
  private static final Pattern NAME_RUN = Pattern.compile("(?<![\\p{L}\\p{N}])(?:dpa\\b|epd\\b|" + TOKEN
      + ")(?:[ \\u00A0](?:(?:de|del|di|du|des|of|the|da|do|la|le|al|el|am|della|dos)[ \\u00A0])?" + TOKEN + "){0,5}");
  private static final Pattern RUN_TOKEN = Pattern.compile("[^ \\u00A0]+");
  /** An abbreviation's dot ("U.S.", "St.") does not end a sentence; any other dot inside a run does. */
  private static final Pattern ABBREVIATION = Pattern.compile("(?:\\p{Lu}\\.)+|\\p{Lu}\\p{Ll}{0,2}\\.");
  private static final Set<String> NOT_NAMES = Set.of("if", "the", "a", "an", "in", "on", "but", "and", "this", "that",
      "when", "while", "after", "before", "as", "at", "for", "with", "he", "she", "it", "they", "we", "i", "his", "her",
      "its", "their", "our", "le", "la", "les", "el", "los", "las", "der", "die", "das", "il", "lo", "un", "une",
      "una", "ein", "eine", "us", "u s", "uk", "u k", "eu", "usa", "ue", "onu", "uno");
  private static final Set<String> TRAILING_NOISE = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
      "miercoles", "jueves", "viernes", "sabado", "domingo", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
      "samstag", "sonntag", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "on", "in",
      "today", "hoy", "heute", "oggi", "hoje", "aujourd hui");
  private static final Set<String> LEADING_ARTICLES = Set.of("the", "la", "le", "les", "el", "los", "las", "die", "der",
      "das", "il", "lo", "o", "a", "l");

  /** What joins two names of one list, in six languages, with the article of the second: ", ", " and the ", " et l'". */
  private static final Pattern COORDINATOR = Pattern.compile("(?:\\s*,\\s*(?:(?:and|et|y|e|und|ed|or|ou|o|oder|sowie)\\s+)?"
      + "|\\s+(?:and|et|y|e|und|ed|&|or|ou|o|oder|sowie)\\s+)"
      // the preposition repeated: "by Reuters and by the BBC", "pela Lusa e pela RTP", "par l'AFP et par Reuters"
      + "(?:(?:by|to|par|por|pela|pelo|von|vom|da|dalla|dal|della|del|de|des|du|à|au|a)\\s+)?"
      + "(?:(?:the|le|la|les|el|los|las|die|der|das|den|il|lo|o|a)\\s+|l['’])?", Pattern.CASE_INSENSITIVE);

  /** A candidate name inside a paragraph: where it is, what it reads, and what it is known as. */
  private record Name(int start, int end, String text, String known) {}

  /** The sources credited in the paragraphs, first mention first, without the story's own agency. */
  public List<CreditedSource> find(List<String> paragraphs, String ownAgency) {
    Map<String, CreditedSource> found = new LinkedHashMap<>();
    int budget = MAX_CHARS;
    for (String paragraph : paragraphs) {
      if (budget <= 0) {
        break;
      }
      String text = paragraph.length() > budget ? paragraph.substring(0, budget) : paragraph;
      budget -= text.length();
      // find() would try the pattern at every character; a run can only open on a capital, "dpa" or "epd", so
      // only those spots are tried, in order, with the text around visible to the look-behind as find sees it
      Matcher run = NAME_RUN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      Matcher coordinator = COORDINATOR.matcher(text);
      int n = text.length();
      int i = 0;
      // A chain of names joined by "and" / "," ("Reuters, AFP and AP reported", "selon l'AFP et Reuters"): one
      // credited name credits the known or outlet-shaped names coordinated with it.
      // The cue before the first name carries over the names after it ("told the Times and CNN"); the verb after
      // the last one back over those before it ("Reuters, AFP and AP reported"). A name credited by its own media
      // noun ("the Gannett newspaper chain") carries nothing: "the Times and the Gannett chain filed a motion".
      int chainEnd = -1;
      int chainPhraseStart = -1;
      List<Name> pending = new ArrayList<>();
      while (i < n) {
        if (!mayOpenRun(text, i) || !run.region(i, n).lookingAt()) {
          i++;
          continue;
        }
        int start = run.start();
        int end = run.end();
        Judgement judged = judge(text, start, end);
        boolean linked = chainEnd >= 0 && coordinator.region(chainEnd, start).matches();
        if (!linked) {
          pending.clear();
          chainPhraseStart = -1;
        }
        if (judged != null) {
          if (judged.verbAfter()) {
            for (Name p : pending) {
              add(found, credit(p, text.substring(p.start(), judged.phraseEnd())), ownAgency);
            }
          }
          pending.clear();
          add(found, judged.credit(), ownAgency);
          chainPhraseStart = judged.cueBefore() ? judged.phraseStart() : -1;
          chainEnd = end;
        } else {
          Name bare = coordinable(text, start, end);
          if (bare == null) {
            chainEnd = -1;
          } else {
            if (chainPhraseStart >= 0) {
              add(found, credit(bare, text.substring(chainPhraseStart, bare.end())), ownAgency);
            } else {
              pending.add(bare);
            }
            chainEnd = end;
          }
        }
        i = end;
      }
    }
    return List.copyOf(found.values());
  }

  private static void add(Map<String, CreditedSource> found, CreditedSource credit, String ownAgency) {
    if (!isOwn(credit.name(), ownAgency)) {
      found.putIfAbsent(Folding.key(credit.name()), credit);
    }
  }

  /** A name that a credited name coordinated with it credits too: a known outlet or one shaped like one. */
  private static Name coordinable(String text, int runStart, int runEnd) {
    Name name = name(text, runStart, runEnd);
    if (name == null || NOT_A_SOURCE_AFTER.matcher(window(text, name.end(), name.end() + AFTER)).lookingAt()
        || name.known() == null && !Outlets.isOutletShaped(name.text())) {
      return null;
    }
    return name;
  }

  private static CreditedSource credit(Name name, String phrase) {
    return new CreditedSource(name.known() != null ? name.known() : name.text(), phrase.strip());
  }

  /** An accepted name: its credit, where its phrase lies, and whether a cue before or a verb after made it. */
  private record Judgement(CreditedSource credit, int phraseStart, int phraseEnd, boolean cueBefore,
      boolean verbAfter) {}

  private static boolean mayOpenRun(String text, int i) {
    char c = text.charAt(i);
    return c == 'd' ? text.startsWith("dpa", i) : c == 'e' ? text.startsWith("epd", i)
        : Character.isHighSurrogate(c) ? Character.isUpperCase(text.codePointAt(i)) : Character.isUpperCase(c);
  }

  private Judgement judge(String text, int runStart, int runEnd) {
    Name name = name(text, runStart, runEnd);
    if (name == null) {
      return null;
    }
    String after = window(text, name.end(), name.end() + AFTER);
    if (NOT_A_SOURCE_AFTER.matcher(after).lookingAt()) {
      return null;
    }
    int phraseStart = name.start();
    int phraseEnd = name.end();
    String noun = null;
    String descriptors = "";
    int before = name.start();
    String run = text.substring(runStart, name.end());
    Matcher inRun = LEADING_NOUN.matcher(run);
    if (name.start() > runStart && inRun.lookingAt()) {
      noun = inRun.group().strip();
      phraseStart = runStart;
      before = runStart;
    } else {
      Matcher nb = nounBefore(text, name.start());
      if (nb != null) {
        noun = nb.group("noun");
        descriptors = nb.group("desc");
        phraseStart = name.start() - (nb.regionEnd() - nb.start());
        before = phraseStart;
      }
    }
    String nextWord = firstWordKey(after);
    Matcher na = NOUN_AFTER.matcher(after);
    if (noun == null && NOUN_WORDS.contains(nextWord) && na.lookingAt()) {
      noun = na.group("noun");
      phraseEnd += na.end();
    }
    boolean verbAfter = false;
    String rest = window(text, phraseEnd, phraseEnd + AFTER);
    String restWord = phraseEnd == name.end() ? nextWord : firstWordKey(rest);
    if (VERB_WORDS.contains(restWord) || NOUN_WORDS.contains(restWord)) {
      Matcher verb = VERB_AFTER.matcher(rest);
      verbAfter = verb.lookingAt();
      if (verbAfter) {
        phraseEnd += verb.end();
      }
    }
    boolean pressNoun = noun != null && PRESS_NOUN.matcher(noun).matches();
    boolean outletShaped = Outlets.isOutletShaped(name.text());
    if (noun != null && NOT_PRESS.matcher(descriptors).find()
        || noun == null && name.known() == null && !outletShaped) {
      return null; // the common case, a person or a place: decided without looking for cues
    }
    Cue cue = cueBefore(text, before);
    boolean accept;
    if (pressNoun) {
      accept = true;
    } else if (noun != null) {
      accept = name.known() != null || cue.strong() || verbAfter;
    } else {
      accept = name.known() != null && (cue.found() || verbAfter) || outletShaped && (cue.strong() || verbAfter);
    }
    if (!accept) {
      return null;
    }
    if (cue.found()) {
      phraseStart = cue.start();
    }
    String phrase = text.substring(phraseStart, phraseEnd).strip().replaceAll("[\\s.,;:]+$", "");
    String display = name.known() != null ? name.known() : name.text();
    return new Judgement(new CreditedSource(display, phrase.isEmpty() ? display : phrase), phraseStart, phraseEnd,
        cue.found(), verbAfter);
  }

  /** A crediting cue before a name: where it starts, and whether it is a verb or just a preposition. */
  private record Cue(int start, boolean strong) {
    boolean found() {
      return start >= 0;
    }
  }

  /**
   * The cue that ends nearest the name, a reporting verb rather than a bare preposition, read in
   * full ("según informó" rather than "informó"). Only word starts are tried, so this stays a few
   * anchored matches per name.
   */
  private static Cue cueBefore(String text, int end) {
    int from = Math.max(0, end - BEFORE);
    Matcher cue = CUE_BEFORE.matcher(text);
    int bestStart = -1;
    int bestEnd = -1;
    boolean bestStrong = false;
    for (int start : wordStarts(text, from, end)) {
      cue.region(start, end);
      if (!cue.lookingAt()) {
        continue;
      }
      boolean strong = cue.group("strong") != null;
      boolean better = strong && !bestStrong || strong == bestStrong && cue.end("cue") > bestEnd;
      if (bestStart < 0 || better) {
        bestStart = cue.start("cue");
        bestEnd = cue.end("cue");
        bestStrong = strong;
      }
    }
    return new Cue(bestStart, bestStrong);
  }

  /** A media noun (and its descriptors) just before the name: "l'agence officielle | APS". */
  private static Matcher nounBefore(String text, int end) {
    int[] starts = wordStarts(text, Math.max(0, end - BEFORE), end);
    boolean anyNoun = false;
    for (int i = Math.max(0, starts.length - 5); i < starts.length && !anyNoun; i++) {
      anyNoun = NOUN_WORDS.contains(firstWordKey(text, starts[i], end));
    }
    if (!anyNoun) {
      return null;
    }
    Matcher nb = NOUN_BEFORE.matcher(text);
    for (int start : starts) {
      if (!mayStartNoun(text, start, end)) {
        continue;
      }
      nb.region(start, end);
      if (nb.lookingAt() && !hasFunctionWord(nb.group("desc")) && isNounNotName(nb.group("noun"))) {
        return nb;
      }
    }
    return null;
  }

  /** The starts of the last {@value #WORDS_BACK} words before {@code end}, farthest first. */
  private static int[] wordStarts(String text, int from, int end) {
    int[] starts = new int[WORDS_BACK];
    int count = 0;
    for (int i = end - 1; i >= from && count < WORDS_BACK; i--) {
      char c = text.charAt(i);
      boolean boundary = i == 0 || isWordBoundary(text.charAt(i - 1));
      if (!isWordBoundary(c) && boundary) {
        starts[WORDS_BACK - 1 - count++] = i;
      }
    }
    return Arrays.copyOfRange(starts, WORDS_BACK - count, WORDS_BACK);
  }

  /** The first word of the text, folded, skipping leading quotes, commas and spaces. */
  private static String firstWordKey(String text) {
    return firstWordKey(text, 0, text.length());
  }

  /** The first word of {@code text[from, to)}, folded, skipping leading quotes, commas and spaces. */
  private static String firstWordKey(String text, int from, int to) {
    int i = from;
    while (i < to && (isWordBoundary(text.charAt(i)) || text.charAt(i) == '”' || text.charAt(i) == '»')) {
      i++;
    }
    int j = i;
    while (j < to && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return Folding.key(text.substring(i, j));
  }

  /**
   * False only when no media noun can start at {@code from}: the word there is plain Latin-1 and not a word of any
   * noun. A cheap test that spares trying the big case-insensitive noun alternation at most word starts. Other
   * scripts go to the pattern, whose Unicode case folding may match what the folded key does not ("ı", "ſ").
   */
  private static boolean mayStartNoun(String text, int from, int to) {
    int j = from;
    while (j < to && Character.isLetter(text.charAt(j))) {
      if (text.charAt(j) > 0xFF) {
        return true;
      }
      j++;
    }
    return NOUN_WORDS.contains(Folding.key(text.substring(from, j)));
  }

  private static boolean isWordBoundary(char c) {
    return Character.isWhitespace(c) || ",;:(—–-\"“«„'’".indexOf(c) >= 0;
  }

  /**
   * The name in a run of capitalised words: the run stops at a sentence's end ("Washington Post.
   * The"), a known outlet inside it is the name ("Bill O'Reilly of Fox News"), articles, possessives
   * and trailing weekdays are trimmed. Null when nothing name-like is left.
   */
  private static Name name(String text, int start, int end) {
    List<int[]> tokens = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Matcher t = RUN_TOKEN.matcher(text).region(start, end);
    while (t.find()) {
      tokens.add(new int[] {t.start(), t.end()});
      String token = t.group();
      keys.add(Folding.key(token.substring(0, trimEnd(token, 0, token.length()))));
      if (token.endsWith(".") && !ABBREVIATION.matcher(token).matches()) {
        break;
      }
    }
    // German capitalises nouns: "Nachrichtenagentur Reuters" is one run; the name starts after the noun
    int skip = tokens.size() > 1 && mayLeadNoun(text.charAt(tokens.get(0)[0]))
        && LEADING_NOUN.matcher(text.substring(tokens.get(0)[0], tokens.get(1)[0])).lookingAt() ? 1 : 0;
    for (int length = tokens.size() - skip; length >= 1; length--) {
      for (int i = skip; i + length <= tokens.size(); i++) {
        // inside a longer run, one word is a name only as an acronym: "Hill" in "Capitol Hill" is not The Hill
        int s = tokens.get(i)[0];
        int e = tokens.get(i + length - 1)[1];
        String known = knownForKey(String.join(" ", keys.subList(i, i + length)));
        if (known != null
            && (length == tokens.size() - skip || length > 1 || PlaceCase.isAllCaps(text.substring(s, e)))) {
          return new Name(s, trimEnd(text, s, e), text.substring(s, trimEnd(text, s, e)), known);
        }
      }
    }
    int first = skip;
    while (first < tokens.size() - 1 && LEADING_ARTICLES.contains(keys.get(first))) {
      first++;
    }
    int last = tokens.size() - 1;
    int lastEnd = tokens.get(last)[1];
    for (int i = first; i <= last; i++) {
      String token = text.substring(tokens.get(i)[0], tokens.get(i)[1]);
      if (token.endsWith("'s") || token.endsWith("’s")) {
        boolean nounFollows = NOUN_AFTER.matcher(window(text, lastEnd, lastEnd + AFTER)).lookingAt();
        // a possessive names the owner when a media noun follows ("France's Les Echos newspaper")
        if (nounFollows && i < last) {
          first = i + 1;
        } else {
          last = i;
        }
        break;
      }
    }
    while (last > first && TRAILING_NOISE.contains(keys.get(last))) {
      last--;
    }
    int s = tokens.get(first)[0];
    int e = trimEnd(text, s, tokens.get(last)[1]);
    String name = text.substring(s, e);
    if (name.endsWith("'s") || name.endsWith("’s")) {
      name = name.substring(0, name.length() - 2);
    }
    String key = Folding.key(name);
    if (name.length() < 2 || Months.number(name) > 0 || TRAILING_NOISE.contains(key) || NOT_NAMES.contains(key)
        || mayStartNoun(name, 0, name.length()) && NOUN_ONLY.matcher(name).matches()) {
      return null;
    }
    return new Name(s, e, name, knownForKey(key));
  }

  /** Whether a German noun of {@code LEADING_NOUN} (case-sensitive) can start with this letter. */
  private static boolean mayLeadNoun(char first) {
    return "NPATWBZFRSM".indexOf(first) >= 0;
  }

  private static int trimEnd(String text, int start, int end) {
    int e = end;
    while (e > start && ".,;:'’-".indexOf(text.charAt(e - 1)) >= 0) {
      e--;
    }
    return e;
  }

  private static String knownForKey(String key) {
    String agency = Agencies.canonicalForKey(key);
    return agency != null ? agency : Outlets.forKey(key);
  }

  private static boolean hasFunctionWord(String descriptors) {
    for (String word : descriptors.strip().split("\\s+")) {
      if (!word.isEmpty() && (FUNCTION_WORDS.contains(Folding.key(word)) || VERB.matcher(word).matches())) {
        return true;
      }
    }
    return false;
  }

  /** Media nouns are written in lower case, except in German: a capitalised "Journal" is part of a name. */
  private static boolean isNounNotName(String noun) {
    return !Character.isUpperCase(noun.charAt(0)) || LEADING_NOUN.matcher(noun + " ").lookingAt();
  }

  private static boolean isOwn(String name, String ownAgency) {
    if (ownAgency == null) {
      return false;
    }
    return ownAgency.equals(Agencies.canonical(name)) || Folding.key(ownAgency).equals(Folding.key(name));
  }

  private static String window(String text, int from, int to) {
    return text.substring(from, Math.min(text.length(), to));
  }
}
