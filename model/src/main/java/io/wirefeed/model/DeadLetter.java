package io.wirefeed.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a stage could not handle, with why: the record on {@code wirefeed.dlq.v1}.
 *
 * @param documentId the id of the document (or feed) concerned
 * @param stage the stage that rejected it ("ingest", "normalize", ...)
 * @param reason a human-readable reason
 * @param at when it was rejected
 * @param url the URL concerned, or null
 * @param raw the raw document, when there is one
 */
public record DeadLetter(String documentId, String stage, String reason, Instant at, String url, RawDocument raw) {
  public DeadLetter {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
  }
}
