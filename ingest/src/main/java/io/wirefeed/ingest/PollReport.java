package io.wirefeed.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * What one poll of one feed did.
 *
 * @param feedId the feed polled
 * @param at when the poll started
 * @param httpStatus the feed's final HTTP status (0 when no response was received)
 * @param newItems items published this time
 * @param seenItems items skipped because they were already handled
 * @param failedItems items that failed (dead-lettered, or left for the next poll when the sink threw or
 *     robots.txt could not be read)
 * @param bytes bytes downloaded for this poll, as received (feed, pages, robots.txt, failed attempts)
 * @param error why the poll failed or was incomplete, or null when it went well
 * @param nextPoll when the feed should be polled again (adaptive schedule), or null when unknown
 */
public record PollReport(
    String feedId, Instant at, int httpStatus, int newItems, int seenItems, int failedItems, long bytes,
    String error, Instant nextPoll) {
  public PollReport {
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(at, "at");
    if (newItems < 0 || seenItems < 0 || failedItems < 0 || bytes < 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "Invalid counts: new=%d seen=%d failed=%d bytes=%d", newItems, seenItems, failedItems, bytes));
    }
  }

  /** A report without a next poll time (the form before adaptive scheduling). */
  public PollReport(
      String feedId, Instant at, int httpStatus, int newItems, int seenItems, int failedItems, long bytes,
      String error) {
    this(feedId, at, httpStatus, newItems, seenItems, failedItems, bytes, error, null);
  }

  /** True when the poll completed without a feed-level error. */
  public boolean ok() {
    return error == null;
  }

  PollReport withNextPoll(Instant next) {
    return new PollReport(feedId, at, httpStatus, newItems, seenItems, failedItems, bytes, error, next);
  }
}
