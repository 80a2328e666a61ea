package io.wirefeed.normalize.html;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats pages put in their metadata (ISO-8601 with or without zone, RFC 1123, epoch numbers,
 * dates in URL paths) as instants.
 *
 * <p>A time without a zone is taken as UTC: pages that omit the zone are mostly CMS exports of UTC timestamps, and
 * any other guess would need the site's location, which a pure function does not have.
 */
final class HtmlDates {
  /** Earliest plausible publication time; anything before is a parsing accident or a placeholder. */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*"
          + "(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?.*");
  private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/-]|$)"
          + "|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])/");

  private HtmlDates() {}

  /** The instant a metadata date string denotes, or null when it is not a date this reader knows. */
  static Instant parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    try {
      Instant t = parseIso(s);
      if (t == null && EPOCH.matcher(s).matches()) {
        long n = Long.parseLong(s);
        t = s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
      }
      if (t == null && Character.isLetter(s.charAt(0))) {
        t = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
      return plausible(t);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The date printed in a URL path ({@code /2019/11/18/}, {@code /2019-11-18}, {@code /20191118/}), at UTC midnight. */
  static Instant fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    int base = m.group(1) != null ? 1 : 4;
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(m.group(base)), Integer.parseInt(m.group(base + 1)),
          Integer.parseInt(m.group(base + 2)));
      return plausible(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Instant parseIso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      return null;
    }
    LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
    if (m.group(4) == null) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    int nanos = 0;
    if (m.group(7) != null) {
      String frac = (m.group(7) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(frac);
    }
    LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
    return OffsetDateTime.of(local, offset(m.group(8))).toInstant();
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    String z = zone.toUpperCase(Locale.ROOT);
    if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = z.replace(":", "");
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static Instant plausible(Instant t) {
    if (t == null || t.isBefore(EARLIEST) || t.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
      return null;
    }
    return t;
  }
}
