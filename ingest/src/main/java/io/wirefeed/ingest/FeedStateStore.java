package io.wirefeed.ingest;

import java.util.Optional;

/** Persists each feed's {@link FeedState}; the app backs it with the compacted ingest-state topic. */
public interface FeedStateStore {
  /** The last saved state of a feed, or empty when it was never polled. */
  Optional<FeedState> load(String feedId);

  /** Saves a feed's state, replacing the previous one. */
  void save(FeedState s) throws Exception;
}
