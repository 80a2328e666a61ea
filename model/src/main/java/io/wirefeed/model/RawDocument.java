package io.wirefeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A fetched page (or text) before normalization: the record on {@code wirefeed.raw.v1}.
 *
 * @param id stable document id (same item fetched again keeps it)
 * @param url the URL fetched
 * @param fetchedAt when it was fetched
 * @param status HTTP status (0 when not fetched over HTTP)
 * @param contentType media type with its charset parameter, e.g. {@code text/html; charset=utf-8}
 * @param body the page decoded to a string with the right charset
 * @param feedId the configured feed it came from, or null
 * @param feedEntry the feed item that pointed at it, or null
 * @param agencyHint the agency configured for the feed, or null
 * @param languageHint the language configured for the feed, or null
 */
public record RawDocument(
    String id,
    String url,
    Instant fetchedAt,
    int status,
    String contentType,
    String body,
    String feedId,
    FeedEntry feedEntry,
    String agencyHint,
    String languageHint) {
  public RawDocument {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Invalid document id: blank");
    }
    body = body == null ? "" : body;
  }
}
