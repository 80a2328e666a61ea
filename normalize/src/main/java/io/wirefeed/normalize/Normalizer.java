package io.wirefeed.normalize;

import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.Quote;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.Source;
import io.wirefeed.model.TextRepair;
import io.wirefeed.normalize.html.HtmlExtractor;
import io.wirefeed.normalize.lang.LanguageGuesser;
import io.wirefeed.normalize.lang.Prose;
import io.wirefeed.normalize.quote.QuoteExtractor;
import io.wirefeed.normalize.text.Boilerplate;
import io.wirefeed.normalize.text.ExtractedPage;
import io.wirefeed.normalize.text.Paragraphs;
import io.wirefeed.normalize.text.PlainTextExtractor;
import io.wirefeed.normalize.wire.Agencies;
import io.wirefeed.normalize.wire.AgencyFinder;
import io.wirefeed.normalize.wire.CreditedSourceFinder;
import io.wirefeed.normalize.wire.DatelineParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a fetched {@link RawDocument} (an HTML page or plain text, with its feed metadata) into the
 * canonical {@link Article}: clean body, dateline, source agency, credited sources, quotes, language.
 *
 * <p>Pure: no I/O and no clock; the same document always gives the same article. It never throws:
 * bad input becomes {@link Outcome.Rejected} with a reason. One instance is safe to share between
 * threads; building it loads the language models, so build one and keep it.
 */
public final class Normalizer {
  private static final String STAGE = "normalize";
  /** How much of the body is inspected to tell binary from text. */
  private static final int SNIFF_CHARS = 8_192;
  private static final int SUMMARY_CHARS = 300;
  /** At least as much text as {@link LanguageGuesser} samples. */
  private static final int LANGUAGE_SAMPLE_CHARS = LanguageGuesser.SAMPLE_CHARS;
  private static final Pattern HTML_SNIFF = Pattern.compile("(?i)<!doctype\\s+html|<html[\\s>]|<body[\\s>]|<head[\\s>]");
  private static final Pattern TAG = Pattern.compile("<[^<>]{0,500}>");
  private static final Set<String> UNSUPPORTED_TYPES = Set.of("image/", "audio/", "video/", "font/", "application/pdf",
      "application/octet-stream", "application/zip", "application/gzip", "application/x-gzip");

  private final HtmlExtractor htmlExtractor = new HtmlExtractor();
  private static final int STANDFIRST_WORDS = 70;
  private final DatelineParser datelines = new DatelineParser();
  private final PlainTextExtractor textExtractor = new PlainTextExtractor(datelines);
  private final AgencyFinder agencies = new AgencyFinder();
  private final CreditedSourceFinder credits = new CreditedSourceFinder();
  private final QuoteExtractor quoteExtractor = new QuoteExtractor();
  private final LanguageGuesser languages = new LanguageGuesser();

  /** A normalizer with the built-in tables and language models. */
  public Normalizer() {}

  /** The article for this document, or the reason it cannot be normalized; never throws. */
  public Outcome<Article> normalize(RawDocument raw) {
    if (raw == null) {
      return Outcome.rejected(STAGE, "no document");
    }
    try {
      return normalizeChecked(raw);
    } catch (RuntimeException | StackOverflowError e) {
      return Outcome.rejected(STAGE, "normalization failed on " + raw.id() + ": " + e);
    }
  }

  private Outcome<Article> normalizeChecked(RawDocument raw) {
    String body = raw.body();
    String type = raw.contentType() == null ? "" : raw.contentType().toLowerCase(Locale.ROOT).strip();
    for (String unsupported : UNSUPPORTED_TYPES) {
      if (type.startsWith(unsupported)) {
        return Outcome.rejected(STAGE, "unsupported content type: " + raw.contentType());
      }
    }
    if (body.isBlank()) {
      return Outcome.rejected(STAGE, "empty body");
    }
    String binary = binaryReason(body);
    if (binary != null) {
      return Outcome.rejected(STAGE, binary);
    }
    // UTF-8 decoded twice upstream ("PrÃ©sident") and C1 controls for windows-1252 punctuation, before any rule reads it.
    body = TextRepair.repair(body);
    FeedEntry entry = raw.feedEntry();
    boolean html = isHtml(type, body);
    ExtractedPage page = html ? htmlExtractor.extract(body, raw.url())
        : textExtractor.extract(body, entry == null ? null : entry.title());
    List<String> paragraphs = html ? dropChrome(page.paragraphs()) : new ArrayList<>(page.paragraphs());
    if (paragraphs.isEmpty()) {
      return Outcome.rejected(STAGE, "no text found in the " + (html ? "HTML page" : "text"));
    }

    Instant published = page.published() != null ? page.published() : entry == null ? null : entry.published();
    Dateline dateline = takeDateline(paragraphs, referenceDate(raw, page));
    if (paragraphs.isEmpty()) {
      return Outcome.rejected(STAGE, "no text after the dateline");
    }
    String host = host(raw.url());
    List<String> lines = html ? paragraphs : Paragraphs.split(body);
    String agency = agencies.find(dateline, lines, page.authors(), html ? body : null, raw.agencyHint(), host);
    List<CreditedSource> credited = credits.find(paragraphs, agency);

    String headline = page.headline() != null ? page.headline() : entry == null ? null : blankToNull(entry.title());
    String joined = String.join("\n\n", paragraphs);
    // the guesser reads only the head of the text: no copy of the whole body for it
    String head = joined.length() > LANGUAGE_SAMPLE_CHARS ? joined.substring(0, LANGUAGE_SAMPLE_CHARS) : joined;
    String language = languages.guess((headline == null ? "" : headline + "\n") + head,
        page.declaredLanguage(), raw.languageHint());
    List<Quote> quotes = quoteExtractor.extract(paragraphs, language);

    String canonicalUrl = page.canonicalUrl();
    String idBasis = canonicalUrl != null ? canonicalUrl : raw.url() != null ? raw.url() : raw.id();
    Article article = new Article(sha256(idBasis).substring(0, 20), 1, raw.id(), raw.url(), canonicalUrl, language,
        headline, summary(page, entry, paragraphs), joined, paragraphs, dateline, new Source(agency, host), credited,
        quotes, published, page.modified(), raw.fetchedAt(), authors(page.authors()),
        categories(page.categories(), entry), page.siteName(), page.leadImage(), sha256(joined));
    return Outcome.accepted(article);
  }

  /**
   * Finds the dateline at the head of the body and removes it. A short first paragraph (a kicker) may stand before
   * it; so may a standfirst of up to {@value #STANDFIRST_WORDS} words when the dateline names its agency (ANSA and
   * TASS pages print the summary above "(ANSA) - ROMA, 3 NOV -"): that standfirst is not body copy and is removed.
   */
  private Dateline takeDateline(List<String> paragraphs, LocalDate reference) {
    int wordsBefore = 0;
    boolean kickerOnly = true;
    for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
      if (i > 0) {
        String previous = paragraphs.get(i - 1);
        wordsBefore += Prose.wordCount(previous);
        kickerOnly &= i == 1 && Prose.wordCount(previous) <= 25 && !PlainTextExtractor.isProse(previous);
        if (wordsBefore > STANDFIRST_WORDS) {
          break;
        }
      }
      Optional<DatelineParser.Found> found = datelines.parse(paragraphs.get(i), reference);
      if (found.isEmpty()) {
        continue;
      }
      boolean standfirst = i > 0 && !kickerOnly;
      if (standfirst && found.get().dateline().agency() == null) {
        break;
      }
      String rest = found.get().rest();
      if (rest.isBlank()) {
        paragraphs.remove(i);
      } else {
        paragraphs.set(i, rest);
      }
      if (standfirst) {
        paragraphs.subList(0, i).clear();
      }
      return found.get().dateline();
    }
    return null;
  }

  /** The publication day that dates a dateline's year: feed entry, else page metadata, else fetch time. */
  private static LocalDate referenceDate(RawDocument raw, ExtractedPage page) {
    Instant when = raw.feedEntry() != null && raw.feedEntry().published() != null ? raw.feedEntry().published()
        : page.published() != null ? page.published() : raw.fetchedAt();
    return when == null ? null : LocalDate.ofInstant(when, ZoneOffset.UTC);
  }

  private static List<String> dropChrome(List<String> paragraphs) {
    List<String> kept = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      Boilerplate.Kind kind = Boilerplate.classify(p);
      if (kind == Boilerplate.Kind.NONE || kind == Boilerplate.Kind.NUMERIC) {
        kept.add(p);
      }
    }
    return kept;
  }

  private static boolean isHtml(String type, String body) {
    if (type.contains("html")) {
      return true;
    }
    if (!type.isEmpty() && !type.startsWith("text/plain")) {
      return false;
    }
    String head = body.length() > 2_048 ? body.substring(0, 2_048) : body;
    return HTML_SNIFF.matcher(head).find();
  }

  /** Why the body looks binary rather than text, or null when it reads as text. */
  private static String binaryReason(String body) {
    int n = Math.min(body.length(), SNIFF_CHARS);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x03;
      if (control || c == '\uFFFD' || c >= 0x7F && c <= 0x9F) {
        bad++;
      }
    }
    if (bad * 10 > n) {
      return String.format(Locale.ROOT, "binary content: %d of the first %d characters are control or undecodable",
          bad, n);
    }
    return null;
  }

  private static String summary(ExtractedPage page, FeedEntry entry, List<String> paragraphs) {
    if (page.summary() != null) {
      return page.summary();
    }
    if (entry != null && entry.summary() != null && !entry.summary().isBlank()) {
      String text = TAG.matcher(entry.summary()).replaceAll(" ").replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        return text;
      }
    }
    String lead = paragraphs.get(0);
    if (lead.length() <= SUMMARY_CHARS) {
      return lead;
    }
    int cut = lead.lastIndexOf(". ", SUMMARY_CHARS);
    return cut > 40 ? lead.substring(0, cut + 1) : lead.substring(0, SUMMARY_CHARS).strip() + "…";
  }

  private static List<String> authors(List<String> authors) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : authors) {
      if (!a.isBlank() && !Agencies.isKnown(a)) {
        out.add(a.strip());
      }
    }
    return List.copyOf(out);
  }

  private static List<String> categories(List<String> page, FeedEntry entry) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : page) {
      if (!c.isBlank()) {
        out.add(c.strip());
      }
    }
    if (entry != null) {
      for (String c : entry.categories()) {
        if (c != null && !c.isBlank()) {
          out.add(c.strip());
        }
      }
    }
    return List.copyOf(out);
  }

  private static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sha256(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
