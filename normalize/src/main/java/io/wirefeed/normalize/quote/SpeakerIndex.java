package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people a story names, in the order it names them, and how a later reference resolves to one
 * of them: a surname ("le général Haddad" is "Karim Haddad"), a role ("le chef de l'Etat"), a pronoun.
 *
 * <p>One instance per body; it is filled once and then only receives the speakers of quotations as
 * they are resolved. Searches go backwards over a bounded window, so each costs at most a constant.
 */
final class SpeakerIndex {
  private static final int WINDOW_SENTENCES = 12;
  private static final int GENERIC_ROLE_SENTENCES = 2;
  private static final int WINDOW_MENTIONS = 300;
  private static final int MAX_CANDIDATES = 50;
  private static final int MAX_DESCRIBED_MENTIONS = 4;
  private static final long NEVER = Long.MIN_VALUE / 2;

  /** A person (or, when unconfirmed, something capitalized that might be one). */
  static final class Person {
    List<String> tokens;
    Gender gender = Gender.UNKNOWN;
    final Set<String> roles = new HashSet<>();
    final Set<String> context = new HashSet<>();
    boolean confirmed;
    private long[] orders = new long[4];
    private int mentionCount;

    Person(List<String> tokens) {
      this.tokens = List.copyOf(tokens);
    }

    /** Mentions arrive in reading order, so the array stays sorted. */
    void mentioned(long order) {
      if (mentionCount > 0 && orders[mentionCount - 1] >= order) {
        return;
      }
      if (mentionCount == orders.length) {
        orders = Arrays.copyOf(orders, mentionCount * 2);
      }
      orders[mentionCount++] = order;
    }

    /** The last mention strictly before {@code order}, or {@link #NEVER}. */
    long lastBefore(long order) {
      int lo = 0;
      int hi = mentionCount;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (orders[mid] < order) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == 0 ? NEVER : orders[lo - 1];
    }

    String name() {
      return String.join(" ", tokens);
    }
  }

  /**
   * One printed name. A modifier ("Smith's", "Clinton campaign spokesman") or a complement ("says
   * of Warren") is not the subject of its clause.
   */
  private record Mention(
      Person person, long order, int sentence, boolean modifier, boolean complement) {
    boolean subjectLike() {
      return !modifier && !complement;
    }
  }

  private final SpeakerNames names;
  private final List<Mention> mentions = new ArrayList<>();
  private final List<Mention> speakers = new ArrayList<>();
  private final Map<String, List<Person>> bySurname = new HashMap<>();
  private final Map<String, List<Person>> byOtherPart = new HashMap<>();
  private final List<Person> roled = new ArrayList<>();
  private final String language;

  /** The quotation being attributed: the people it names are not its speaker. */
  private QuoteNames quote = new QuoteNames("");

  SpeakerIndex(
      String language,
      List<AttributionTokenizer.Paragraph> paragraphs,
      long[] orderBase,
      int[] sentenceBase) {
    this.names = new SpeakerNames(language);
    this.language = language;
    for (int p = 0; p < paragraphs.size(); p++) {
      collect(paragraphs.get(p), orderBase[p], sentenceBase[p]);
    }
  }

  private void collect(AttributionTokenizer.Paragraph para, long base, int sentenceBase) {
    List<AttributionToken> toks = para.tokens();
    int previousEnd = -1;
    boolean previousComplement = false;
    int i = 0;
    while (i < toks.size()) {
      if (!names.isNameToken(toks.get(i))) {
        i++;
        continue;
      }
      int j = names.runEnd(toks, i);
      SpeakerNames.Name name =
          SpeakerMentions.regionAfterCity(toks, i, j) ? null : names.name(toks, i, j);
      if (name != null && !name.org()) {
        int sentenceStart = para.sentenceStartOf(i);
        Person person = find(name.tokens(), base + i);
        if (person == null) {
          person = add(name.tokens());
        }
        // a person is described when introduced; later mentions rarely add to it
        if (person.mentionCount < MAX_DESCRIBED_MENTIONS && describable(toks, name, i, j)) {
          SpeakerNames.Context context =
              SpeakerNames.linkedBefore(toks, i)
                  ? new SpeakerNames.Context(Set.of(), Set.of(), Gender.UNKNOWN)
                  : names.context(toks, i, j, sentenceStart);
          absorb(person, name, context);
        }
        boolean modifier =
            j < toks.size()
                && (toks.get(j).lower().equals("'s")
                    || SpeakerMentions.modifiesNext(names, toks, j));
        // "to Joe Biden and Bernie Sanders": both names are the complement
        boolean complement =
            SpeakerMentions.complement(language, toks, i, name.start())
                || (previousComplement
                    && previousEnd == i - 1
                    && SpeakerMentions.isConjunction(toks.get(i - 1).lower()));
        previousEnd = j;
        previousComplement = complement;
        mentions.add(
            new Mention(
                person,
                base + name.start(),
                sentenceBase + para.sentenceOf(i),
                modifier,
                complement));
        person.mentioned(base + name.start());
      }
      i = j;
    }
  }

  /**
   * Whether the words around a name are worth reading: a lone capitalized word with no title and no
   * apposition ("Syria", "Activists") describes nobody, and most capitalized words are such.
   */
  private static boolean describable(
      List<AttributionToken> toks, SpeakerNames.Name name, int i, int j) {
    if (name.tokens().size() > 1 || name.confirmed()) {
      return true;
    }
    boolean commaAfter = j < toks.size() && toks.get(j).isPunct(",");
    boolean commaBefore = i > 0 && toks.get(i - 1).isPunct(",");
    return commaAfter || commaBefore;
  }

  private void absorb(Person person, SpeakerNames.Name name, SpeakerNames.Context context) {
    if (person.roles.isEmpty() && !context.roles().isEmpty()) {
      roled.add(person);
    }
    if (name.tokens().size() > person.tokens.size()) {
      person.tokens = List.copyOf(name.tokens());
      indexOtherParts(person);
    }
    person.confirmed |= name.confirmed() || !context.roles().isEmpty();
    if (person.gender == Gender.UNKNOWN) {
      person.gender = name.gender() != Gender.UNKNOWN ? name.gender() : context.gender();
    }
    person.roles.addAll(context.roles());
    person.context.addAll(context.words());
  }

  private Person add(List<String> tokens) {
    Person p = new Person(tokens);
    bySurname
        .computeIfAbsent(SpeakerLexicon.fold(tokens.get(tokens.size() - 1)), k -> new ArrayList<>())
        .add(p);
    indexOtherParts(p);
    return p;
  }

  /**
   * "Lula" for "Luiz Inácio Lula da Silva", "Sánchez" for "Pedro Sánchez Pérez-Castejón", and a
   * two-letter first token for surname-first names ("Li" for "Li Wenhao", "Ng" for "Ng Kok Song"):
   * shorter parts elsewhere are particles and initials.
   */
  private void indexOtherParts(Person p) {
    for (int k = 0; k + 1 < p.tokens.size(); k++) {
      String part = p.tokens.get(k);
      int min = k == 0 ? 2 : 3;
      if (part.length() >= min && Character.isUpperCase(part.codePointAt(0))) {
        List<Person> list =
            byOtherPart.computeIfAbsent(SpeakerLexicon.fold(part), x -> new ArrayList<>());
        if (list.size() < MAX_CANDIDATES && !list.contains(p)) {
          list.add(p);
        }
      }
    }
  }

  /**
   * The known person a name refers to, preferring the one named most recently before {@code order}.
   */
  Person find(List<String> name, long order) {
    List<Person> candidates = bySurname.get(SpeakerLexicon.fold(name.get(name.size() - 1)));
    if (candidates == null && name.size() == 1) {
      candidates = byOtherPart.get(SpeakerLexicon.fold(name.get(0)));
    }
    if (candidates == null) {
      return null;
    }
    Person best = null;
    long bestOrder = Long.MIN_VALUE;
    for (int k = candidates.size() - 1; k >= Math.max(0, candidates.size() - MAX_CANDIDATES); k--) {
      Person c = candidates.get(k);
      if (!compatible(c.tokens, name)) {
        continue;
      }
      long last = lastMention(c, order);
      if (best == null || last > bestOrder) {
        best = c;
        bestOrder = last;
      }
    }
    return best;
  }

  private static boolean compatible(List<String> known, List<String> name) {
    if (name.size() == 1 || known.size() == 1) {
      return true;
    }
    List<String> shorter = known.size() <= name.size() ? known : name;
    List<String> longer = shorter == known ? name : known;
    for (int k = 1; k <= shorter.size(); k++) {
      if (!shorter.get(shorter.size() - k).equalsIgnoreCase(longer.get(longer.size() - k))) {
        return shorter.get(0).equalsIgnoreCase(longer.get(0));
      }
    }
    return true;
  }

  private static long lastMention(Person p, long order) {
    return p.lastBefore(order);
  }

  private static int lowerBound(List<Mention> list, long order) {
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).order() < order) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first person named in a sentence before {@code order}: most often its subject. */
  Person firstInSentence(int sentence, long order) {
    Person first = null;
    int i = lowerBound(mentions, order) - 1;
    for (int steps = 0;
        i >= 0 && steps < WINDOW_MENTIONS && mentions.get(i).sentence() == sentence;
        i--, steps++) {
      Mention m = mentions.get(i);
      if (m.subjectLike() && m.person().confirmed) {
        first = m.person();
      }
    }
    return first;
  }

  /**
   * Records that {@code person} spoke at {@code order}: a later "he said" most likely means them.
   */
  void noteSpeaker(Person person, long order, int sentence) {
    if (person != null
        && (speakers.isEmpty() || speakers.get(speakers.size() - 1).order() <= order)) {
      speakers.add(new Mention(person, order, sentence, false, false));
    }
  }

  /** The person a name refers to; a new confirmed person when the story never named them before. */
  Person byName(List<String> name, Gender gender, long order) {
    Person p = find(name, order);
    if (p == null) {
      p = add(name);
    }
    p.confirmed = true;
    if (p.gender == Gender.UNKNOWN && gender != Gender.UNKNOWN && gender != Gender.PLURAL) {
      p.gender = gender;
    }
    return p;
  }

  /** The person a description ("le général syrien", "the minister") refers to, or null. */
  Person byRole(Set<String> roles, Set<String> modifiers, Gender gender, long order) {
    Person best = null;
    int bestScore = 0;
    long bestOrder = Long.MIN_VALUE;
    for (int k = roled.size() - 1; k >= Math.max(0, roled.size() - MAX_CANDIDATES * 4); k--) {
      Person p = roled.get(k);
      if (!p.confirmed || !gender.compatibleWith(p.gender)) {
        continue;
      }
      int score = 0;
      for (String r : roles) {
        if (p.roles.contains(r)) {
          score += 10;
        }
      }
      if (score == 0 && p.roles.contains("counterpart")) {
        score = 8; // "son homologue turc": a counterpart holds the same office as the other party
      }
      if (score == 0) {
        continue;
      }
      for (String m : modifiers) {
        if (p.context.contains(m)) {
          score += 4;
        }
      }
      long last = lastMention(p, order);
      if (last == NEVER) {
        continue;
      }
      if (score > bestScore || (score == bestScore && last > bestOrder)) {
        best = p;
        bestScore = score;
        bestOrder = last;
      }
    }
    return best == null || namedInQuote(best) ? null : best;
  }

  /**
   * The person a generic role ("a responsável", "the official") most likely means: the one named
   * last, with some role, in this sentence or the two before it. Null when nobody fits, so the
   * description stays as printed.
   */
  Person byRecentRole(Gender gender, long order, int sentence) {
    if (gender == Gender.PLURAL) {
      return null;
    }
    int i = lowerBound(mentions, order) - 1;
    for (int steps = 0; i >= 0 && steps < WINDOW_MENTIONS; i--, steps++) {
      Mention m = mentions.get(i);
      if (sentence - m.sentence() > GENERIC_ROLE_SENTENCES) {
        break;
      }
      Person p = m.person();
      if (m.subjectLike()
          && p.confirmed
          && !p.roles.isEmpty()
          && p.tokens.size() > 1
          && gender.compatibleWith(p.gender)) {
        if (namedInQuote(p)) {
          return null;
        }
        learn(p, gender);
        return p;
      }
    }
    return null;
  }

  /**
   * The most recent person compatible with a pronoun: sentences are searched backwards and, within
   * a sentence, from its start (the subject comes first); the speakers of earlier quotations count
   * too. In the pronoun's own sentence a complement ("Asked about Romney, he said") is skipped; in
   * an earlier one it is taken only when no subject fits.
   */
  Person byPronoun(Gender gender, long order, int sentence) {
    return byReference(gender, Set.of(), order, sentence, false);
  }

  /**
   * The most recent person a definite description ("the minister", "el mandatario") can refer to:
   * like a pronoun, but someone known to hold another role is skipped, and a capitalized run never
   * confirmed as a person is not guessed.
   */
  Person byDescription(Gender gender, Set<String> roles, long order, int sentence) {
    return byReference(gender, roles, order, sentence, true);
  }

  /**
   * Remembers the words of the quotation being attributed; its named people are not its speaker.
   */
  void attributing(String quoteText) {
    quote = new QuoteNames(quoteText);
  }

  /** Whether the quotation being attributed names this person (see {@link QuoteNames}). */
  boolean namedInQuote(Person p) {
    List<Person> namesakes = bySurname.get(SpeakerLexicon.fold(p.tokens.get(p.tokens.size() - 1)));
    return quote.names(p, namesakes == null || namesakes.size() <= 1);
  }

  private boolean fits(Person p, Gender gender, Set<String> roles) {
    if (!gender.compatibleWith(p.gender)) {
      return false;
    }
    if (roles.isEmpty()
        || p.roles.isEmpty()
        || p.roles.contains("counterpart")
        || roles.contains("person")) {
      return true;
    }
    for (String r : roles) {
      if (p.roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  private Person byReference(
      Gender gender, Set<String> roles, long order, int sentence, boolean confirmedOnly) {
    if (gender == Gender.PLURAL) {
      return null;
    }
    int mi = lowerBound(mentions, order) - 1;
    int si = lowerBound(speakers, order) - 1;
    Person weak = null;
    int steps = 0;
    while ((mi >= 0 || si >= 0) && steps++ < WINDOW_MENTIONS) {
      int current =
          Math.max(
              mi >= 0 ? mentions.get(mi).sentence() : -1,
              si >= 0 ? speakers.get(si).sentence() : -1);
      if (sentence - current > WINDOW_SENTENCES) {
        break;
      }
      boolean own = current == sentence;
      // the speaker of a quotation in this sentence first, then the mentions from the sentence
      // start
      Person found = null;
      int sk = si;
      while (sk >= 0 && speakers.get(sk).sentence() == current) {
        Person p = speakers.get(sk).person();
        if (found == null && fits(p, gender, roles)) {
          found = p;
        }
        sk--;
      }
      int mk = mi;
      while (mk >= 0 && mentions.get(mk).sentence() == current) {
        mk--;
      }
      for (int pass = 0; pass < (own ? 1 : 2) && found == null; pass++) {
        for (int k = mk + 1; k <= mi && found == null; k++) {
          Mention m = mentions.get(k);
          Person p = m.person();
          boolean eligible = pass == 0 ? m.subjectLike() : !m.modifier() && m.complement();
          if (!eligible || !fits(p, gender, roles)) {
            continue;
          }
          if (p.confirmed) {
            found = p;
          } else if (weak == null && p.tokens.size() > 1 && !confirmedOnly) {
            weak = p;
          }
        }
      }
      if (found != null) {
        if (namedInQuote(found)) {
          return null; // the likeliest referent is named in the quotation: no safe guess
        }
        learn(found, gender);
        return found;
      }
      si = sk;
      mi = mk;
    }
    if (weak == null || namedInQuote(weak)) {
      return null;
    }
    learn(weak, gender);
    return weak;
  }

  private static void learn(Person p, Gender gender) {
    if (p.gender == Gender.UNKNOWN && (gender == Gender.MALE || gender == Gender.FEMALE)) {
      p.gender = gender;
    }
  }

  SpeakerNames names() {
    return names;
  }
}
