package io.wirefeed.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What ingest remembers about a feed between polls: validators for the conditional GET and the
 * keys of the items already handled (oldest first, bounded by the poller).
 *
 * @param feedId the feed
 * @param etag the ETag of the last complete poll, or null
 * @param lastModified the Last-Modified of the last complete poll, or null
 * @param seenKeys item keys already published or dead-lettered, oldest first
 * @param lastPoll when the feed was last polled, or null
 */
public record FeedState(String feedId, String etag, String lastModified, List<String> seenKeys, Instant lastPoll) {
  public FeedState {
    Objects.requireNonNull(feedId, "feedId");
    if (feedId.isBlank()) {
      throw new IllegalArgumentException("Invalid feed id: blank");
    }
    seenKeys = seenKeys == null ? List.of() : List.copyOf(seenKeys);
  }

  /** The state of a feed never polled. */
  public static FeedState initial(String feedId) {
    return new FeedState(feedId, null, null, List.of(), null);
  }
}
