package io.wirefeed.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link FeedStateStore} held in memory: for tests, demos and single-process runs. */
public final class InMemoryFeedStateStore implements FeedStateStore {
  private final ConcurrentMap<String, FeedState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<FeedState> load(String feedId) {
    return Optional.ofNullable(states.get(feedId));
  }

  @Override
  public void save(FeedState s) {
    Objects.requireNonNull(s, "state");
    states.put(s.feedId(), s);
  }
}
