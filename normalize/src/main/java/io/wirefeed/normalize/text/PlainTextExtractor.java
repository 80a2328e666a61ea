package io.wirefeed.normalize.text;

import io.wirefeed.normalize.lang.Folding;
import io.wirefeed.normalize.lang.Prose;
import io.wirefeed.normalize.text.Boilerplate.Kind;
import io.wirefeed.normalize.wire.Agencies;
import io.wirefeed.normalize.wire.DatelineParser;
import io.wirefeed.normalize.wire.PlaceCase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the story from a page that arrived as plain text with its chrome: finds where the story
 * starts (its dateline, else its first paragraph of prose), recovers the headline from the lines
 * above, and drops widgets, unrelated headlines, bylines, credit and copyright lines, sign-offs and
 * numeric trailers, keeping every sentence of the story.
 */
public final class PlainTextExtractor {
  /** Prose paragraphs that may precede a dateline (teasers) before we stop looking for one. */
  private static final int DATELINE_SEARCH_SLACK = 3;
  private static final Pattern ISO_WITH_ZONE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+\\-]\\d{2}:?\\d{2})");
  private static final Pattern SITE_AFTER_BAR = Pattern.compile("[|•·]\\s*([^|•·]{2,60})$");

  private final DatelineParser datelines;

  public PlainTextExtractor(DatelineParser datelines) {
    this.datelines = datelines;
  }

  /** Extracts the story; {@code feedTitle} (may be null) helps pick the headline among the lines above it. */
  public ExtractedPage extract(String text, String feedTitle) {
    List<String> paragraphs = Paragraphs.split(text);
    List<Kind> kinds = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      kinds.add(Boilerplate.classify(p));
    }
    int start = storyStart(paragraphs, kinds);
    int end = storyEnd(paragraphs, kinds, start);

    List<String> body = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    for (int i = start; i < end; i++) {
      Kind kind = kinds.get(i);
      if (kind == Kind.NONE || kind == Kind.NUMERIC) {
        body.add(paragraphs.get(i));
      } else if (kind == Kind.BYLINE) {
        addAuthors(paragraphs.get(i), authors);
      }
    }
    if (!body.isEmpty()) {
      String last = Boilerplate.withoutTrailingSignoff(body.get(body.size() - 1));
      body.set(body.size() - 1, last);
    }
    String siteName = null;
    Instant published = null;
    for (int i = 0; i < start; i++) {
      String p = paragraphs.get(i);
      switch (kinds.get(i)) {
        case BYLINE -> addAuthors(p, authors);
        case SITE -> siteName = siteName == null ? p.strip() : siteName;
        case PUBLISHED -> {
          published = published == null ? zonedInstant(p) : published;
          Matcher site = SITE_AFTER_BAR.matcher(p.strip());
          if (siteName == null && site.find()) {
            siteName = site.group(1).strip();
          }
        }
        default -> { }
      }
    }
    String headline = headline(paragraphs, kinds, start, feedTitle);
    return new ExtractedPage(headline, null, body, published, null, authors, null, siteName, null, null, List.of());
  }

  /** The dateline paragraph if one opens the story, else the first paragraph of prose. */
  private int storyStart(List<String> paragraphs, List<Kind> kinds) {
    int firstProse = -1;
    int prose = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      if (kinds.get(i) != Kind.NONE) {
        continue;
      }
      String p = paragraphs.get(i);
      if (datelines.parse(p, null).isPresent()) {
        return i;
      }
      if (isProse(p)) {
        if (firstProse < 0) {
          firstProse = i;
        }
        if (++prose > DATELINE_SEARCH_SLACK) {
          break;
        }
      }
    }
    if (firstProse >= 0) {
      return firstProse;
    }
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i) == Kind.NONE) {
        return i;
      }
    }
    return paragraphs.size();
  }

  /**
   * One past the last paragraph of the story. Below it, walking up from the bottom, are chrome
   * lines and lines that are neither sentences nor table rows: the headlines of other stories.
   */
  private static int storyEnd(List<String> paragraphs, List<Kind> kinds, int start) {
    int end = paragraphs.size();
    while (end > start) {
      String p = paragraphs.get(end - 1);
      Kind kind = kinds.get(end - 1);
      if (kind == Kind.NONE && (Prose.endsLikeProse(p, 2) || isTableRow(p) || isProse(p))) {
        break;
      }
      end--;
    }
    // a credit, copyright or sign-off line near the bottom closes the story: what follows is site chrome
    for (int i = end - 1; i > start && i >= end - 6; i--) {
      Kind kind = kinds.get(i);
      if (kind == Kind.CREDIT || kind == Kind.COPYRIGHT || kind == Kind.SIGNOFF) {
        end = i;
      }
    }
    // a "Read more" block below the story ends it, even when teasers in it read like sentences
    for (int i = start + 1; i < end; i++) {
      if (kinds.get(i) == Kind.READ_MORE && i + 1 < end && !hasProseAfter(paragraphs, kinds, i + 1, end)) {
        return i;
      }
    }
    return end;
  }

  private static boolean hasProseAfter(List<String> paragraphs, List<Kind> kinds, int from, int end) {
    for (int i = from; i < end; i++) {
      if (kinds.get(i) == Kind.NONE && isProse(paragraphs.get(i)) && Prose.wordCount(paragraphs.get(i)) >= 25) {
        return true;
      }
    }
    return false;
  }

  private static String headline(List<String> paragraphs, List<Kind> kinds, int start, String feedTitle) {
    String first = null;
    String beforeMeta = null;
    for (int i = 0; i < start; i++) {
      String p = paragraphs.get(i).strip();
      if (kinds.get(i) != Kind.NONE || !isTitleLike(p)) {
        continue;
      }
      if (feedTitle != null && Folding.key(p).equals(Folding.key(feedTitle))) {
        return p;
      }
      if (first == null) {
        first = p;
      }
      if (beforeMeta == null && i + 1 < start
          && (kinds.get(i + 1) == Kind.PUBLISHED || kinds.get(i + 1) == Kind.BYLINE)) {
        beforeMeta = p;
      }
    }
    return beforeMeta != null ? beforeMeta : first;
  }

  public static boolean isProse(String p) {
    int words = Prose.wordCount(p);
    return words >= 20 || words >= 6 && (Prose.endsLikeProse(p, 6) || p.contains(". "));
  }

  private static boolean isTitleLike(String p) {
    int words = Prose.wordCount(p);
    if (words < 3 || words > 30 || p.length() > 220 || Prose.endsLikeProse(p, 0) && p.endsWith(".")) {
      return false;
    }
    return Character.isUpperCase(p.codePointAt(0)) || "\"“«„‘'¿¡".indexOf(p.charAt(0)) >= 0;
  }

  /** A short line holding figures, as in wire copy of company results ("Shr 21 cts vs eight cts"). */
  private static boolean isTableRow(String p) {
    if (p.length() > 80) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (Character.isDigit(p.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void addAuthors(String line, List<String> authors) {
    String names = Boilerplate.bylineNames(line);
    if (names == null) {
      return;
    }
    for (String name : names.split("\\s*(?:,|\\band\\b|\\bet\\b|\\by\\b|\\bund\\b|\\be\\b|&)\\s*")) {
      String n = name.strip();
      if (!n.isEmpty() && !Agencies.isKnown(n) && !n.endsWith(" Staff") && !authors.contains(n)) {
        authors.add(PlaceCase.normal(n, false));
      }
    }
  }

  private static Instant zonedInstant(String line) {
    Matcher m = ISO_WITH_ZONE.matcher(line);
    if (!m.find()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(m.group().replaceFirst("([+\\-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
