package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One normalized news article: the record published on {@code wirefeed.articles.v1}.
 *
 * <p>Field names are the contract downstream teams build on (see README "Article schema"); adding
 * fields is fine, renaming them is not. Lists are never null.
 */
@JsonPropertyOrder({"schemaVersion", "id", "version", "rawId", "storyId", "url", "canonicalUrl", "language",
    "headline", "headlineAsPrinted", "summary", "editorial", "dateline", "source", "creditedSources", "quotes",
    "published", "updated", "fetchedAt", "authors", "bylines", "categories", "siteName", "leadImage",
    "contentHash", "body", "paragraphs"})
public record Article(
    String id,
    int version,
    String rawId,
    String url,
    String canonicalUrl,
    String language,
    String headline,
    String summary,
    String body,
    List<String> paragraphs,
    Dateline dateline,
    Source source,
    List<CreditedSource> creditedSources,
    List<Quote> quotes,
    Instant published,
    Instant updated,
    Instant fetchedAt,
    List<String> authors,
    List<String> categories,
    String siteName,
    String leadImage,
    String contentHash,
    String headlineAsPrinted,
    Editorial editorial,
    List<Byline> bylines,
    String storyId) {

  /** Version of this record's JSON shape; carried in a Kafka header too. */
  public static final int SCHEMA_VERSION = 1;

  public Article {
    Objects.requireNonNull(id, "id");
    if (version < 1) {
      throw new IllegalArgumentException("Invalid version: " + version + " (must be >= 1)");
    }
    body = body == null ? "" : body;
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    creditedSources = creditedSources == null ? List.of() : List.copyOf(creditedSources);
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    headlineAsPrinted = headlineAsPrinted == null ? headline : headlineAsPrinted;
    editorial = editorial == null ? Editorial.USABLE : editorial;
    bylines = bylines == null ? List.of() : List.copyOf(bylines);
  }

  /**
   * An article without editorial signals, bylines or story (the first-round shape): the headline as printed is
   * the headline, the editorial status usable.
   */
  public Article(String id, int version, String rawId, String url, String canonicalUrl, String language,
      String headline, String summary, String body, List<String> paragraphs, Dateline dateline, Source source,
      List<CreditedSource> creditedSources, List<Quote> quotes, Instant published, Instant updated,
      Instant fetchedAt, List<String> authors, List<String> categories, String siteName, String leadImage,
      String contentHash) {
    this(id, version, rawId, url, canonicalUrl, language, headline, summary, body, paragraphs, dateline, source,
        creditedSources, quotes, published, updated, fetchedAt, authors, categories, siteName, leadImage,
        contentHash, headline, Editorial.USABLE, List.of(), null);
  }

  /** The JSON shape version, serialized so consumers can branch on it. */
  @JsonProperty("schemaVersion")
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** The same article with another version number (used when content changes). */
  public Article withVersion(int newVersion) {
    return new Article(id, newVersion, rawId, url, canonicalUrl, language, headline, summary, body,
        paragraphs, dateline, source, creditedSources, quotes, published, updated, fetchedAt, authors,
        categories, siteName, leadImage, contentHash, headlineAsPrinted, editorial, bylines, storyId);
  }

  /** The same article in another story. */
  public Article withStoryId(String newStoryId) {
    return new Article(id, version, rawId, url, canonicalUrl, language, headline, summary, body,
        paragraphs, dateline, source, creditedSources, quotes, published, updated, fetchedAt, authors,
        categories, siteName, leadImage, contentHash, headlineAsPrinted, editorial, bylines, newStoryId);
  }

  /** The same article with other editorial signals. */
  public Article withEditorial(Editorial newEditorial) {
    return new Article(id, version, rawId, url, canonicalUrl, language, headline, summary, body,
        paragraphs, dateline, source, creditedSources, quotes, published, updated, fetchedAt, authors,
        categories, siteName, leadImage, contentHash, headlineAsPrinted, newEditorial, bylines, storyId);
  }
}
