package io.wirefeed.normalize.quote;

import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteKind;
import io.wirefeed.normalize.quote.Attribution.Kind;
import io.wirefeed.normalize.quote.AttributionTokenizer.Hole;
import io.wirefeed.normalize.quote.AttributionTokenizer.Paragraph;
import io.wirefeed.normalize.quote.SpeakerIndex.Person;
import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One body being read for quotations: scans the marks, tokenizes around them, indexes the people
 * named, then judges and attributes each quotation in reading order (a quotation's speaker may be
 * the previous one's). Created per call, never shared.
 */
final class QuoteDocument {
  private final List<String> paragraphs;
  private final String language;
  private final AttributionFinder finder;
  private final List<QuoteSpan> spans = new ArrayList<>();
  private final List<QuoteSpan> dialogues = new ArrayList<>();
  private final List<Paragraph> tokenized = new ArrayList<>();
  private final long[] orderBase;
  private final int[] sentenceBase;
  private int[] firstParagraphToken;
  private int[] lastParagraphToken;
  private SpeakerIndex index;
  private ImpliedSpeakers implied;

  /** The speaker of the previous quotation, for the next one that has no attribution. */
  private String lastSpeaker;

  private Person lastPerson;
  private int lastParagraph = -10;
  private long lastSentence = -1;

  QuoteDocument(List<String> paragraphs, String language) {
    this.paragraphs = paragraphs;
    this.language = language;
    this.finder = new AttributionFinder(language);
    this.orderBase = new long[paragraphs.size()];
    this.sentenceBase = new int[paragraphs.size()];
  }

  List<Quote> read() {
    for (QuoteSpan s : QuoteScanner.scan(paragraphs)) {
      (s.mark() == '—' ? dialogues : spans).add(s);
    }
    if (spans.isEmpty() && dialogues.isEmpty()) {
      return List.of();
    }
    spans.sort(Comparator.comparingInt(QuoteSpan::paragraph).thenComparingInt(QuoteSpan::open));
    tokenizeAroundQuotes();
    index = new SpeakerIndex(language, tokenized, orderBase, sentenceBase);
    implied = new ImpliedSpeakers(language, finder, index.names());
    List<Quote> out = new ArrayList<>();
    int d = 0;
    for (int i = 0; i < spans.size(); i++) {
      while (d < dialogues.size() && dialogues.get(d).paragraph() < spans.get(i).paragraph()) {
        dialogue(dialogues.get(d++), out);
      }
      if (d < dialogues.size()
          && dialogues.get(d).paragraph() == spans.get(i).paragraph()
          && dialogue(dialogues.get(d++), out)) {
        // a dialogue paragraph's own marks are words inside the dialogue, not quotations
        int p = spans.get(i).paragraph();
        while (i + 1 < spans.size() && spans.get(i + 1).paragraph() == p) {
          i++;
        }
        continue;
      }
      Quote q = judge(i);
      if (q != null) {
        out.add(q);
      }
    }
    while (d < dialogues.size()) {
      dialogue(dialogues.get(d++), out);
    }
    return out;
  }

  private void tokenizeAroundQuotes() {
    List<List<Hole>> holes = new ArrayList<>();
    for (int p = 0; p < paragraphs.size(); p++) {
      holes.add(new ArrayList<>());
    }
    for (int i = 0; i < spans.size(); i++) {
      QuoteSpan s = spans.get(i);
      if (!s.multiParagraph()) {
        holes.get(s.paragraph()).add(new Hole(s.open(), s.end(), i));
        continue;
      }
      holes.get(s.paragraph()).add(new Hole(s.open(), paragraphs.get(s.paragraph()).length(), i));
      for (int p = s.paragraph() + 1; p < s.lastParagraph(); p++) {
        holes.get(p).add(new Hole(0, paragraphs.get(p).length(), i));
      }
      holes.get(s.lastParagraph()).add(new Hole(0, s.lastEnd(), i));
    }
    firstParagraphToken = new int[spans.size()];
    lastParagraphToken = new int[spans.size()];
    Arrays.fill(firstParagraphToken, -1);
    // Speakers are resolved backwards only: paragraphs after the last quotation are never read.
    int last = -1;
    for (QuoteSpan s : spans) {
      last = Math.max(last, s.lastParagraph());
    }
    for (QuoteSpan s : dialogues) {
      last = Math.max(last, s.paragraph());
    }
    long order = 0;
    int sentences = 0;
    for (int p = 0; p < paragraphs.size(); p++) {
      holes.get(p).sort(Comparator.comparingInt(Hole::start));
      Paragraph para =
          AttributionTokenizer.tokenize(p <= last ? paragraphs.get(p) : "", holes.get(p));
      tokenized.add(para);
      orderBase[p] = order;
      sentenceBase[p] = sentences;
      order += para.tokens().size() + 1;
      sentences += para.sentenceCount() + 1;
      List<AttributionToken> toks = para.tokens();
      for (int k = 0; k < toks.size(); k++) {
        int q = toks.get(k).quote();
        if (q >= 0) {
          if (firstParagraphToken[q] < 0) {
            firstParagraphToken[q] = k;
          }
          lastParagraphToken[q] = k;
        }
      }
    }
  }

  private Quote judge(int i) {
    QuoteSpan span = spans.get(i);
    int p = span.paragraph();
    int qi = firstParagraphToken[i];
    if (qi < 0) {
      return null;
    }
    Paragraph para = tokenized.get(p);
    List<AttributionToken> toks = para.tokens();
    int start = para.sentenceStartOf(qi);
    QuoteInterjection.Result inner = QuoteInterjection.find(span.text(), finder, language);
    String text = clean(inner != null ? inner.text() : span.text());
    int words = QuoteJudge.wordCount(text);
    if (words == 0) {
      return null;
    }
    boolean atStart = QuoteJudge.atSentenceStart(toks, qi, start);
    boolean colon = qi > start && toks.get(qi - 1).isPunct(":");
    Attribution post = null;
    if (span.closed()) {
      Paragraph last = tokenized.get(span.lastParagraph());
      int lq = lastParagraphToken[i];
      post = finder.after(last.tokens(), lq, last.sentenceEndOf(lq));
    }
    Attribution pre = atStart ? null : finder.before(toks, qi, start);
    boolean direct =
        atStart
            || colon
            || span.multiParagraph()
            || QuoteJudge.resumesQuote(toks, qi, start)
            || QuoteJudge.looksLikeSentence(text, span.text(), words, post != null);
    Attribution a;
    int from = -1; // the paragraph whose tokens hold a's subject, when it precedes the quotation
    if (inner != null) {
      a = inner.attribution();
    } else if (atStart
        || (post != null && direct && !colon && QuoteJudge.endsClause(span.text()))) {
      a = post;
    } else {
      a = pre != null ? pre : post;
      from = pre != null ? p : -1;
    }
    if (a == null && span.closed()) {
      Paragraph last = tokenized.get(span.lastParagraph());
      int lq = lastParagraphToken[i];
      a = finder.trailing(last.tokens(), lq, last.sentenceEndOf(lq));
    }
    if (a == null && atStart && qi == 0 && p > 0) {
      a = introducedByPreviousParagraph(p);
      from = p - 1;
    }
    if (!QuoteJudge.keep(span, text, words, a, direct, atStart, toks, qi, start, finder)) {
      return null;
    }
    long order = orderBase[p] + qi;
    long sentence = sentenceBase[p] + para.sentenceOf(qi);
    index.attributing(span.text());
    String speaker;
    Attribution implicit =
        a == null ? impliedAttribution(p, toks, qi, start, colon, atStart) : null;
    if (a != null) {
      speaker = resolve(a, toks, start, order, lookupOrder(a, from, order), (int) sentence);
    } else if (implicit != null) {
      int held = colon || start > 0 ? p : p - 1; // the paragraph whose tokens hold the subject
      speaker =
          resolve(implicit, toks, start, order, lookupOrder(implicit, held, order), (int) sentence);
    } else if (p - lastParagraph <= 2
        && lastSpeaker != null
        && (lastPerson == null || !index.namedInQuote(lastPerson))) {
      // the wire convention: a quotation paragraph right after a quote continues the same speaker
      speaker = lastSpeaker;
      if (lastPerson != null) {
        index.noteSpeaker(lastPerson, order, (int) sentence);
      }
    } else {
      Person guess = index.byPronoun(Gender.UNKNOWN, order, (int) sentence);
      speaker = guess == null ? null : guess.name();
      lastPerson = guess;
      lastSpeaker = speaker;
    }
    lastParagraph = span.lastParagraph();
    lastSentence = sentence;
    QuoteKind kind = direct && words > 1 ? QuoteKind.DIRECT : QuoteKind.PARTIAL;
    return new Quote(text, speaker, a == null ? null : a.verb(), kind, p);
  }

  /**
   * A speaker no verb attributes: the subject of a clause closed by the colon before the quotation,
   * or the issuer of the statement the previous sentence announces.
   */
  private Attribution impliedAttribution(
      int p, List<AttributionToken> toks, int qi, int start, boolean colon, boolean atStart) {
    if (colon) {
      return implied.beforeColon(toks, start, qi - 1);
    }
    if (!atStart) {
      return null;
    }
    if (start > 0) {
      Paragraph para = tokenized.get(p);
      return implied.statementIn(toks, para.sentenceStartOf(start - 1), start);
    }
    if (qi != 0 || p == 0) {
      return null;
    }
    Paragraph prev = tokenized.get(p - 1);
    int n = prev.tokens().size();
    return n == 0 ? null : implied.statementIn(prev.tokens(), prev.sentenceStartOf(n - 1), n);
  }

  /**
   * Where to look for the person a preceding subject refers to: the people named before the subject
   * itself ("The businessman said of Warren": not Warren), else before the quotation.
   */
  private long lookupOrder(Attribution a, int paragraph, long order) {
    if (paragraph < 0 || !a.before()) {
      return order;
    }
    long lookup = a.verbAt() >= 0 ? Math.min(order, orderBase[paragraph] + a.verbAt()) : order;
    if (a.subject().isEmpty()) {
      return lookup;
    }
    List<AttributionToken> toks = tokenized.get(paragraph).tokens();
    int offset = a.subject().get(0).start();
    int lo = 0;
    int hi = toks.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (toks.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Math.min(lookup, orderBase[paragraph] + lo);
  }

  /** "The mayor said:" closing the previous paragraph introduces a quotation paragraph. */
  private Attribution introducedByPreviousParagraph(int p) {
    Paragraph prev = tokenized.get(p - 1);
    int n = prev.tokens().size();
    if (n == 0 || !prev.tokens().get(n - 1).isPunct(":")) {
      return null;
    }
    return finder.before(prev.tokens(), n, prev.sentenceStartOf(n - 1));
  }

  private boolean dialogue(QuoteSpan span, List<Quote> out) {
    QuoteInterjection.Result inner = QuoteInterjection.find(span.text(), finder, language);
    if (inner == null) {
      return false;
    }
    String text = clean(inner.text());
    if (QuoteJudge.wordCount(text) < 2) {
      return false;
    }
    Paragraph para = tokenized.get(span.paragraph());
    long order = orderBase[span.paragraph()] + para.tokens().size();
    int sentence = sentenceBase[span.paragraph()] + para.sentenceCount();
    index.attributing(span.text());
    String speaker = resolve(inner.attribution(), para.tokens(), 0, order, order, sentence);
    lastParagraph = span.paragraph();
    out.add(
        new Quote(text, speaker, inner.attribution().verb(), QuoteKind.DIRECT, span.paragraph()));
    return true;
  }

  /**
   * The speaker's name for an attribution; also remembered for the next quotation. People are
   * looked up among those named before {@code lookup}; the speaker is noted at {@code order}.
   */
  private String resolve(
      Attribution a,
      List<AttributionToken> toks,
      int sentenceStart,
      long order,
      long lookup,
      int sentence) {
    Person person = null;
    String printed = null;
    switch (a.kind()) {
      case PHRASE -> {
        List<AttributionToken> subject = a.subject();
        if (!NonSpeakers.canSpeak(index.names(), subject)) {
          subject = NonSpeakers.author(index.names(), subject); // "Ivana Trump's brief said"
        }
        if (subject != null) {
          person = resolvePhrase(subject, lookup, sentence);
          printed =
              person == null ? AttributionTokenizer.printed(subject, 0, subject.size()) : null;
        }
      }
      case PRONOUN -> person = index.byPronoun(a.gender(), lookup, sentence);
      case DROPPED -> person = index.byPronoun(Gender.UNKNOWN, lookup, sentence);
      case INHERITED -> {
        if (lastSentence == sentence && lastSpeaker != null) {
          // "..., a-t-il insisté, ajoutant : "..."": the participle shares the earlier quote's
          // speaker
          person = lastPerson;
          printed = lastPerson == null ? lastSpeaker : null;
        } else {
          person = index.firstInSentence(sentence, lookup);
          if (person == null) {
            return resolveSentenceSubject(a, toks, sentenceStart, order, lookup, sentence);
          }
          if (index.namedInQuote(person)) {
            person = null; // the sentence's subject is named in the quotation: no safe guess
          }
        }
      }
    }
    if (person != null) {
      index.noteSpeaker(person, order, sentence);
      printed = person.name();
    }
    lastPerson = person;
    lastSpeaker = printed;
    return printed;
  }

  /** A name, an organisation (null: printed as is) or a description resolved by role. */
  private Person resolvePhrase(List<AttributionToken> subject, long order, int sentence) {
    SpeakerNames names = index.names();
    SpeakerNames.Name name = names.nameIn(subject);
    if (name != null) {
      return name.org() ? null : index.byName(name.tokens(), name.gender(), order);
    }
    SpeakerNames.Description d = names.describe(subject);
    if (d.roles().isEmpty() || d.plural() || names.indefinite(subject)) {
      return null; // "a woman in Worcester" introduces someone; it names nobody met before
    }
    Person person = index.byRole(d.roles(), d.modifiers(), d.gender(), order);
    if (person == null && d.definite() && SpeakerRoles.generic(d.roles())) {
      person = index.byRecentRole(d.gender(), order, sentence);
    }
    if (person == null && d.definite()) {
      person = index.byDescription(d.gender(), d.roles(), order, sentence);
    }
    return person;
  }

  /**
   * A participle with no earlier quotation in its sentence: the subject that opens the sentence.
   */
  private String resolveSentenceSubject(
      Attribution a,
      List<AttributionToken> toks,
      int sentenceStart,
      long order,
      long lookup,
      int sentence) {
    AttributionPhrases.Phrase subject = implied.sentenceSubject(toks, sentenceStart, toks.size());
    if (subject.isEmpty()
        || subject.pronoun() != null
        || implied.refersBack(toks.subList(subject.start(), subject.end()))) {
      Gender gender = subject.pronoun() == null ? Gender.UNKNOWN : subject.pronoun();
      return resolve(
          new Attribution(a.verb(), Kind.PRONOUN, List.of(), gender, true, false),
          toks,
          sentenceStart,
          order,
          lookup,
          sentence);
    }
    List<AttributionToken> words = toks.subList(subject.start(), subject.end());
    return resolve(
        new Attribution(a.verb(), Kind.PHRASE, words, Gender.UNKNOWN, true, false),
        toks,
        sentenceStart,
        order,
        lookup,
        sentence);
  }

  static String clean(String raw) {
    String t = QuoteInterjection.strip(raw);
    while (!t.isEmpty() && t.charAt(t.length() - 1) == ',') {
      t = QuoteInterjection.strip(t.substring(0, t.length() - 1));
    }
    return t;
  }
}
