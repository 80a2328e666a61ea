package io.wirefeed.normalize.quote;

import java.util.List;
import java.util.Set;

/**
 * Decides whether quoted words are a quotation (someone's words) or something else in quote marks:
 * a title of a work, a name, a scare-quoted word, a chant. Unattributed fragments are not
 * quotations; a single word is one only when the sentence attributes it to someone.
 */
final class QuoteJudge {
  private QuoteJudge() {}

  /** Words just before the marks that announce a title of a work rather than speech. */
  private static final Set<String> TITLE_CUES =
      AttributionVerbs.words(
          """
          titled entitled book novel film movie documentary show series song album play program
          programme newspaper magazine hashtag slogan headline column op-ed episode podcast
          intitulé intitulée livre roman documentaire émission série chanson pièce journal titre
          titulado titulada libro novela película documental programa canción obra periódico
          revista lema titel buch sendung serie lied zeitung motto intitolato intitolata romanzo
          documentario programma canzone giornale rivista intitulado intitulada livro filme
          documentário canção jornal words sign signs banner banners placard placards reading
          shirt t-shirt slogan pancarte banderole pancarta cartel schild plakat cartello cartaz\
          """);

  /** Copulas, complementizers and "as": a single quoted word after them is a scare quote. */
  private static final Set<String> CLAUSE_BREAKS =
      AttributionVerbs.words(
          """
          is are was were be been being am remain remained remains seem seems seemed become became
          becomes look looks looked sound sounds sounded feel feels felt got as like than that if
          whether est sont était étaient être été reste restait semble semblait devenu devient
          comme que qu' si es son era eran fue fueron ser sido está están estaba parece como ist
          sind war waren sei sein gewesen bleibt scheint wie als dass ob è sono erano fu essere
          stato resta sembra come che se é são eram foi muito very so too très muy sehr molto
          more most plus más mehr più mais\
          """);

  /** Words that make a following quoted word a noun or a complement, not someone's qualifier. */
  private static final Set<String> WORD_BREAKS =
      AttributionVerbs.words(
          """
          to of for with in on at by from about into and or but à de du des en par pour avec et
          ou a al del con en por para y o zu von mit für und oder di da per con e o em para com
          his her their its our my your several many some any no each this these those he she it
          they we you i il elle ils elles on nous él ella ellos er sie es wir ele ela eles lui lei\
          """);

  static int wordCount(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !in) {
        words++;
      }
      in =
          letter
              || (in && (text.charAt(i) == '\'' || text.charAt(i) == '’' || text.charAt(i) == '-'));
    }
    return words;
  }

  /** Only dashes or bullets come before the quotation in its sentence. */
  static boolean atSentenceStart(List<AttributionToken> toks, int qi, int start) {
    for (int k = start; k < qi; k++) {
      AttributionToken t = toks.get(k);
      if (!(t.isPunct() && "—–-•*·(".contains(t.text()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * ""We are ready," he said, "to fight."": the second part resumes a quotation cut by its
   * attribution.
   */
  static boolean resumesQuote(List<AttributionToken> toks, int qi, int start) {
    if (qi - 1 <= start || !toks.get(qi - 1).isPunct(",")) {
      return false;
    }
    for (int k = qi - 2; k >= Math.max(start, qi - 10); k--) {
      AttributionToken t = toks.get(k);
      if (t.isQuote()) {
        return k < qi - 2;
      }
      if (!t.isWord() && !t.isPunct(",")) {
        return false;
      }
    }
    return false;
  }

  /** The quoted words end a clause: a comma or a full stop inside the marks. */
  static boolean endsClause(String raw) {
    String t = QuoteInterjection.strip(raw);
    if (t.isEmpty()) {
      return false;
    }
    char c = t.charAt(t.length() - 1);
    return c == ',' || c == '.' || c == '!' || c == '?' || c == '…';
  }

  /** A whole sentence in mid-sentence position: "He said "We will win."". */
  static boolean looksLikeSentence(String text, String raw, int words, boolean attributedAfter) {
    if (words < 3 || text.isEmpty()) {
      return false;
    }
    int first = text.codePointAt(0);
    if (!Character.isUpperCase(first) && first != '¿' && first != '¡') {
      return false;
    }
    String t = QuoteInterjection.strip(raw);
    char last = t.charAt(t.length() - 1);
    return last == '.'
        || last == '!'
        || last == '?'
        || last == '…'
        || (attributedAfter && last == ',');
  }

  static boolean keep(
      QuoteSpan span,
      String text,
      int words,
      Attribution a,
      boolean direct,
      boolean atStart,
      List<AttributionToken> toks,
      int qi,
      int start,
      AttributionFinder finder) {
    if (span.singleMarks() && a == null) {
      return false;
    }
    if (!span.closed() && !span.multiParagraph() && !(direct && words >= 3)) {
      return false;
    }
    if (titleCue(toks, qi, start) && !(atStart && a != null)) {
      return false;
    }
    if (looksLikeTitle(text) && !(atStart && a != null && words > 3)) {
      return false;
    }
    if (a == null) {
      return direct && words >= 3;
    }
    if (words == 1) {
      return a.kind() != Attribution.Kind.DROPPED && !direct && qualifies(toks, qi, start, finder);
    }
    return direct || !generic(a);
  }

  /** "what locals call the "forgotten war"": a bare common noun as subject marks a scare quote. */
  private static boolean generic(Attribution a) {
    if (a.kind() != Attribution.Kind.PHRASE || a.subject().isEmpty()) {
      return false;
    }
    for (AttributionToken t : a.subject()) {
      if (t.capitalized()
          || SpeakerLexicon.DETERMINERS.contains(t.lower())
          || SpeakerRoles.roleOf(t.lower()) != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * A single quoted word counts when the attribution verb governs it directly: "a salué une réforme
   * « historique »", "a jugé « inacceptable »"; not "says the plan is "dead"".
   */
  static boolean qualifies(
      List<AttributionToken> toks, int qi, int start, AttributionFinder finder) {
    if (qi - 1 < start) {
      return false;
    }
    AttributionToken prev = toks.get(qi - 1);
    String p = prev.lower();
    if (!prev.isWord()
        || prev.capitalized()
        || p.endsWith("'")
        || CLAUSE_BREAKS.contains(p)
        || WORD_BREAKS.contains(p)
        || SpeakerLexicon.DETERMINERS.contains(p)) {
      return false;
    }
    for (int k = qi - 1; k >= Math.max(start, qi - 8); k--) {
      AttributionToken t = toks.get(k);
      if (t.isQuote() || t.isPunct() || CLAUSE_BREAKS.contains(t.lower())) {
        return false;
      }
      if (finder.match(toks, k, qi) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean titleCue(List<AttributionToken> toks, int qi, int start) {
    for (int k = qi - 1; k >= Math.max(start, qi - 3); k--) {
      AttributionToken t = toks.get(k);
      if (TITLE_CUES.contains(t.lower()) && (!t.capitalized() || k == start)) {
        return true;
      }
    }
    return false;
  }

  /** "Fox News Sunday", "Meet the Press", "USA! USA!": every long word capitalized. */
  static boolean looksLikeTitle(String text) {
    int capitalized = 0;
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n
          && (Character.isLetterOrDigit(text.charAt(i))
              || text.charAt(i) == '\''
              || text.charAt(i) == '’')) {
        i++;
      }
      if (i == s) {
        break;
      }
      words++;
      if (words > 10) {
        return false;
      }
      if (Character.isUpperCase(text.charAt(s)) || Character.isDigit(text.charAt(s))) {
        capitalized++;
      } else if (i - s > 3) {
        return false;
      }
    }
    return capitalized >= 2;
  }
}
