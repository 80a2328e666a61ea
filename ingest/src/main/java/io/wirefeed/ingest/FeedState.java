package io.wirefeed.ingest;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What ingest remembers about a feed between polls: validators for the conditional GET, the keys of the
 * items already handled (oldest first, bounded by the poller) and the feed's adaptive schedule, so that an
 * instance that takes the feed over (a restart, a rebalance) goes on where the last one stopped.
 *
 * @param feedId the feed
 * @param etag the ETag of the last complete poll, or null
 * @param lastModified the Last-Modified of the last complete poll, or null
 * @param seenKeys items already published or dead-lettered, oldest first: each its key, {@code ~} and a
 *     fingerprint of what the feed said of it (a changed fingerprint means the item is fetched again)
 * @param lastPoll when the feed was last polled, or null
 * @param nextPoll when the feed is due again, or null (as soon as possible)
 * @param pollDelay the delay the schedule has adapted to how often the feed changes, or null (its interval)
 * @param updateHint the update rate the publisher last declared ({@code <ttl>}, {@code sy:updatePeriod}), or null
 */
public record FeedState(String feedId, String etag, String lastModified, List<String> seenKeys, Instant lastPoll,
    Instant nextPoll,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Duration pollDelay,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateHint) {
  public FeedState {
    Objects.requireNonNull(feedId, "feedId");
    if (feedId.isBlank()) {
      throw new IllegalArgumentException("Invalid feed id: blank");
    }
    seenKeys = seenKeys == null ? List.of() : List.copyOf(seenKeys);
    if (pollDelay != null && (pollDelay.isNegative() || pollDelay.isZero())) {
      throw new IllegalArgumentException("Invalid poll delay: " + pollDelay);
    }
  }

  /** A state without schedule: the feed is due at once, on its configured interval. */
  public FeedState(String feedId, String etag, String lastModified, List<String> seenKeys, Instant lastPoll) {
    this(feedId, etag, lastModified, seenKeys, lastPoll, null, null, null);
  }

  /** The state of a feed never polled. */
  public static FeedState initial(String feedId) {
    return new FeedState(feedId, null, null, List.of(), null);
  }
}
