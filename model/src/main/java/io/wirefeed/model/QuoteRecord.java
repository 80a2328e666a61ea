package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One quote of a published article version, flattened with its article's dateline: the record on
 * {@code wirefeed.quotes.v1}, keyed {@code articleId + ":" + index}.
 *
 * <p>Every published version of an article re-publishes all its quotes; a consumer keeps those of the highest
 * {@code articleVersion}. Field names are a contract, like the Article's.
 *
 * @param articleId the article the quote is in
 * @param articleVersion the article version it was published with
 * @param index the quote's position in the article's {@code quotes} list
 * @param text the quoted words without the quote marks
 * @param speaker who said it, or null when unknown
 * @param verb the attribution verb as printed, or null
 * @param kind {@code direct} or {@code partial}
 * @param paragraph index of the body paragraph that holds the quote
 * @param datelineText the article's dateline as printed, or null when it has none
 * @param place the dateline place in normal case, or null
 * @param date the dateline date, or null
 * @param agency the agency that wrote the story (source agency, else dateline agency), or null
 * @param language the article's BCP-47 language, or null
 * @param url the article's URL as fetched, or null
 * @param published when the article was published, or null
 */
@JsonPropertyOrder({"articleId", "articleVersion", "index", "text", "speaker", "verb", "kind", "paragraph",
    "datelineText", "place", "date", "agency", "language", "url", "published"})
public record QuoteRecord(String articleId, int articleVersion, int index, String text, String speaker,
    String verb, String kind, int paragraph, String datelineText, String place, LocalDate date, String agency,
    String language, String url, Instant published) {
  public QuoteRecord {
    Objects.requireNonNull(articleId, "articleId");
  }
}
