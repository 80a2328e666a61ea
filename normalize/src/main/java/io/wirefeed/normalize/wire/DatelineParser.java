package io.wirefeed.normalize.wire;

import io.wirefeed.model.Dateline;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline at the head of a paragraph of wire copy and parses it: "DAMAS, 18 octobre
 * (Xinhua) --", "DAKAR, Senegal (AP) —", "Madrid, 18 oct (EFE).-", "(ANSA) - ROMA, 20 AGO -",
 * "MOSCOW, October 18. /TASS/.", "NEW YORK, March 3 -".
 *
 * <p>A dateline is accepted only with a structural signal: an agency in brackets, or a date followed
 * by a dash, or a place in capitals followed by a dash. An ordinary first sentence ("Paris is a
 * city...") has none of these, so it is never taken for a dateline. Patterns only ever see the
 * first {@value #WINDOW} characters of a paragraph, which keeps them linear on any input.
 */
public final class DatelineParser {

  /** A dateline found at the start of a paragraph, and the paragraph text that follows it. */
  public record Found(Dateline dateline, String rest) {}

  static final int WINDOW = 240;
  private static final int FUTURE_TOLERANCE_DAYS = 7;

  private static final String SP = "[ \\t\\u00A0\\u202F]+";
  private static final String WS = "[\\s\\u00A0\\u202F]*";
  private static final String WORD = "(?:[dlDL]['’])?\\p{Lu}\\p{M}*[\\p{L}\\p{M}'’.\\-]{0,30}";
  private static final String PARTICLE = "(?:de|del|della|delle|dei|di|da|do|dos|das|du|des|la|le|les|el|los"
      + "|las|lo|sur|sous|am|an|im|in|upon|on|en|y|e|of|the|al|der|den|van|von|aan|op|zu|bei|ob|ter|lès|lez|sul"
      + "|sulla|au|aux)";
  private static final String SEG = WORD + "(?:" + SP + "(?:" + PARTICLE + SP + "){0,2}" + WORD + "){0,5}";
  private static final String PLACE = SEG + "(?:" + WS + "/" + WS + SEG + "){0,2}";
  private static final String MONTH = "(?iu:" + Months.ALTERNATION + ")(?![\\p{L}])";
  private static final String QUAL = "(?:" + WS + "\\(" + SEG + "(?:," + SP + SEG + ")?\\)(?=" + WS + ",)"
      + "|," + WS + "(?!" + MONTH + "\\.?" + WS + "\\d)" + SEG + ")";
  private static final String DATE = "(?:"
      + "(?<d1>\\d{1,2})(?:er|ème|º|°|\\.)?" + WS + "(?:de" + SP + ")?(?<m1>" + MONTH + ")\\.?"
      + "(?:,?" + SP + "(?:de" + SP + ")?(?<y1>\\d{4}))?"
      + "|(?<m2>" + MONTH + ")\\.?" + WS + "(?<d2>\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?" + SP + "(?<y2>\\d{4}))?"
      + "|(?<d3>\\d{1,2})[./](?<m3>\\d{1,2})(?:[./](?<y3>\\d{4}|\\d{2}))?(?![\\d./])"
      + ")";
  private static final String AGENCY = "\\p{L}[\\p{L}\\p{M}\\-.'’ &/]{0,40}?";
  private static final String SEP = WS + "(?:\\." + WS + ")?(?:--|[-–—‒―]){1,2}"
      + "(?=\\s|$|[\\p{L}\\p{N}\"“«„‘'(])";

  private static final Pattern PLACE_FIRST = Pattern.compile("^" + WS + "(?<place>" + PLACE + ")"
      + "(?<qual>(?:" + QUAL + "){0,2})"
      + "(?:,?" + WS + "(?<date>" + DATE + "))?"
      + "(?:" + WS + "\\(" + WS + "(?<agency>" + AGENCY + ")" + WS + "\\)"
      + "|" + WS + "\\.?" + WS + "/" + WS + "(?<slashed>\\p{L}[\\p{L}\\-]{1,20})" + WS + "/(?:" + WS + "\\.)?)?"
      + "(?<sep>" + SEP + ")?");

  private static final Pattern AGENCY_FIRST = Pattern.compile("^" + WS + "\\(" + WS + "(?<agency>" + AGENCY + ")"
      + WS + "\\)(?<sep1>" + SEP + ")?"
      + "(?:" + WS + "(?<place>" + PLACE + ")(?<qual>(?:" + QUAL + "){0,2})"
      + "(?:,?" + WS + "(?<date>" + DATE + "))?(?<sep>" + SEP + "))?");

  private static final Pattern QUALIFIER = Pattern.compile("\\(([^)]*)\\)|,\\s*([^,(]+)");
  /** Places printed without capitals ("st louis, april 7 -") are taken only with both a date and a dash. */
  private static final String LOOSE_WORD = "\\p{L}[\\p{L}\\p{M}'’.\\-]{0,30}";
  private static final Pattern LOWER_CASE = Pattern.compile("^" + WS + "(?<place>" + LOOSE_WORD + "(?:" + SP
      + LOOSE_WORD + "){0,3})(?<qual>(?:," + WS + "(?!" + MONTH + "\\.?" + WS + "\\d)" + LOOSE_WORD + "(?:" + SP
      + LOOSE_WORD + "){0,2}){0,1}),?" + WS + "(?<date>" + DATE + ")(?<sep>" + SEP + ")");
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
  /** Capitalised words that open a flash or a section label, not a place. */
  private static final Set<String> NOT_PLACES = Set.of("BREAKING", "UPDATE", "URGENT", "FLASH", "EXCLUSIVE",
      "ANALYSIS", "OPINION", "VIDEO", "PHOTOS", "LIVE", "EDITORIAL", "CORRECTION", "ALERTE", "EILMELDUNG",
      "ÚLTIMA HORA", "ULTIMA HORA", "ULTIMORA", "RSS", "TV", "AP", "AFP", "NEWS", "NOTE", "NB");

  /** Parses the dateline at the head of the paragraph; {@code reference} dates the year (may be null). */
  public Optional<Found> parse(String paragraph, LocalDate reference) {
    if (paragraph == null || paragraph.isBlank()) {
      return Optional.empty();
    }
    String head = paragraph.length() > WINDOW ? paragraph.substring(0, WINDOW) : paragraph;
    Optional<Found> found = placeFirst(paragraph, head, reference);
    if (found.isEmpty()) {
      found = agencyFirst(paragraph, head, reference);
    }
    return found.isPresent() ? found : lowerCase(paragraph, head, reference);
  }

  private Optional<Found> placeFirst(String paragraph, String head, LocalDate reference) {
    Matcher m = PLACE_FIRST.matcher(head);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String agencyText = m.group("agency") != null ? m.group("agency") : m.group("slashed");
    String agency = agencyText == null ? null : agencyName(agencyText);
    if (agencyText != null && agency == null) {
      return Optional.empty();
    }
    boolean hasSep = m.group("sep") != null;
    boolean hasDate = m.group("date") != null;
    String place = m.group("place");
    String qual = m.group("qual");
    String rest = paragraph.substring(m.end()).stripLeading();
    boolean accepted;
    if (agency != null) {
      accepted = true;
    } else if (hasDate && hasSep) {
      accepted = true;
    } else {
      accepted = hasSep && PlaceCase.isAllCaps(place + qual) && letters(place) >= 3
          && !NOT_PLACES.contains(place.strip()) && startsLikeSentence(rest);
    }
    if (!accepted) {
      return Optional.empty();
    }
    String text = paragraph.substring(0, m.end()).strip();
    LocalDate date = hasDate ? date(m, reference) : null;
    return Optional.of(new Found(build(text, place, qual, date, agency), rest));
  }

  private Optional<Found> agencyFirst(String paragraph, String head, LocalDate reference) {
    Matcher m = AGENCY_FIRST.matcher(head);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String agency = Agencies.canonical(m.group("agency").strip());
    if (agency == null) {
      return Optional.empty();
    }
    String place = m.group("place");
    int end = m.end();
    String text = paragraph.substring(0, end).strip();
    String rest = paragraph.substring(end).stripLeading();
    LocalDate date = place != null && m.group("date") != null ? date(m, reference) : null;
    return Optional.of(new Found(build(text, place, place == null ? "" : m.group("qual"), date, agency), rest));
  }

  private Optional<Found> lowerCase(String paragraph, String head, LocalDate reference) {
    Matcher m = LOWER_CASE.matcher(head);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String text = paragraph.substring(0, m.end()).strip();
    String rest = paragraph.substring(m.end()).stripLeading();
    return Optional.of(new Found(build(text, m.group("place"), m.group("qual"), date(m, reference), null), rest));
  }

  private static Dateline build(String text, String place, String qual, LocalDate date, String agency) {
    if (place == null) {
      return new Dateline(text, null, null, date, agency);
    }
    List<String> qualifiers = new ArrayList<>();
    StringBuilder printed = new StringBuilder(PlaceCase.normal(place.strip(), false));
    Matcher q = QUALIFIER.matcher(qual == null ? "" : qual);
    while (q.find()) {
      if (q.group(1) != null) {
        String normal = PlaceCase.normal(q.group(1).strip(), true);
        qualifiers.add(normal);
        printed.append(" (").append(normal).append(')');
      } else {
        String normal = PlaceCase.normal(q.group(2).strip(), true);
        qualifiers.add(normal);
        printed.append(", ").append(normal);
      }
    }
    String qualifier = qualifiers.isEmpty() ? null : String.join(", ", qualifiers);
    return new Dateline(text, printed.toString(), qualifier, date, agency);
  }

  /** The canonical agency for a bracketed name: known aliases, else a bare acronym such as "(WAM)". */
  private static String agencyName(String printed) {
    String name = printed.strip();
    int slash = name.indexOf('/');
    String canonical = Agencies.canonical(name);
    if (canonical == null && slash > 0) {
      canonical = Agencies.canonical(name.substring(0, slash).strip());
    }
    if (canonical != null) {
      return canonical;
    }
    String first = slash > 0 ? name.substring(0, slash).strip() : name;
    return ACRONYM.matcher(first).matches() ? first : null;
  }

  private static LocalDate date(Matcher m, LocalDate reference) {
    int day;
    int month;
    String year;
    if (m.group("m1") != null) {
      day = Integer.parseInt(m.group("d1"));
      month = Months.number(m.group("m1"));
      year = m.group("y1");
    } else if (m.group("m2") != null) {
      day = Integer.parseInt(m.group("d2"));
      month = Months.number(m.group("m2"));
      year = m.group("y2");
    } else {
      day = Integer.parseInt(m.group("d3"));
      month = Integer.parseInt(m.group("m3"));
      year = m.group("y3");
    }
    return infer(month, day, year == null ? null : expandYear(Integer.parseInt(year)), reference);
  }

  /**
   * The date with its printed year, else the latest year that does not put it more than a week
   * after the publication day: copy is dated when written, published then or soon after (the week
   * absorbs time zones), so a Dec 31 dateline on a story published Jan 1 belongs to the year before.
   */
  static LocalDate infer(int month, int day, Integer year, LocalDate reference) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    if (year != null) {
      return safeDate(year, month, day);
    }
    if (reference == null) {
      return null;
    }
    LocalDate latestAllowed = reference.plusDays(FUTURE_TOLERANCE_DAYS);
    for (int y = reference.getYear() + 1; y >= reference.getYear() - 2; y--) {
      LocalDate candidate = safeDate(y, month, day);
      if (candidate != null && !candidate.isAfter(latestAllowed)) {
        return candidate;
      }
    }
    return null;
  }

  private static Integer expandYear(int y) {
    if (y >= 100) {
      return y;
    }
    return y < 70 ? 2000 + y : 1900 + y;
  }

  private static LocalDate safeDate(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean startsLikeSentence(String rest) {
    if (rest.isEmpty()) {
      return false;
    }
    int c = rest.codePointAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"“«„‘'(".indexOf(c) >= 0;
  }
}
