package io.wirefeed.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delay before each feed's next poll, adapted to how often the feed really changes: halved (down to
 * a quarter of the configured interval) when a poll finds new items, grown by half (up to eight times the
 * interval) when it finds none or fails. The publisher's own hints, RSS {@code <ttl>} and
 * {@code sy:updatePeriod}/{@code sy:updateFrequency}, and a Retry-After are lower bounds. A poll that
 * left items for later (the per-poll item cap) is followed quickly, at the lower bound. The adapted delay
 * and the hint are saved with the feed's {@link FeedState} and {@link #restore restored} by whichever
 * instance polls the feed next, so a restart or a rebalance does not reset what was learnt.
 */
final class PollSchedule {
  /** What a poll found, as far as the schedule is concerned. */
  enum Outcome {
    /** New items appeared. */
    CHANGED,
    /** Nothing new: 304, or only items already seen. */
    UNCHANGED,
    /** New items appeared and some were left for the next poll by the per-poll cap. */
    BACKLOG,
    /** The feed could not be read. */
    FAILED
  }

  static final int MIN_DIVISOR = 4;
  static final int MAX_FACTOR = 8;
  /** No hint, Retry-After or growth pushes a poll further than this (unless the interval itself is longer). */
  static final Duration CEILING = Duration.ofHours(24);
  private static final Duration FLOOR = Duration.ofSeconds(1);

  /** One feed's adaptive delay and the last update hint its publisher gave. */
  private record State(Duration current, Duration publisherHint) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** The shortest delay for a feed: a quarter of its interval, at least a second (or the interval). */
  static Duration min(FeedSpec feed) {
    Duration quarter = feed.interval().dividedBy(MIN_DIVISOR);
    Duration floor = feed.interval().compareTo(FLOOR) < 0 ? feed.interval() : FLOOR;
    return quarter.compareTo(floor) < 0 ? floor : quarter;
  }

  /** The longest delay for a feed: eight times its interval, at most a day (or the interval). */
  static Duration max(FeedSpec feed) {
    Duration eight = feed.interval().multipliedBy(MAX_FACTOR);
    return eight.compareTo(ceiling(feed)) > 0 ? ceiling(feed) : eight;
  }

  /**
   * Takes up the schedule saved in {@code state} (its adapted delay and publisher hint) unless this
   * schedule already follows the feed: what this instance learnt itself is at least as recent.
   */
  void restore(FeedState state) {
    if (state.pollDelay() == null && state.updateHint() == null) {
      return;
    }
    states.putIfAbsent(state.feedId(), new State(state.pollDelay(), state.updateHint()));
  }

  /** The delay the feed's schedule has adapted to, or null when no poll was recorded. */
  Duration adapted(String feedId) {
    State s = states.get(feedId);
    return s == null ? null : s.current();
  }

  /** The publisher's last update hint for the feed, or null. */
  Duration hint(String feedId) {
    State s = states.get(feedId);
    return s == null ? null : s.publisherHint();
  }

  /** Remembers what the feed's last readable document said about its update rate (null: nothing). */
  void publisherHint(String feedId, Duration hint) {
    states.compute(feedId, (id, s) -> new State(s == null ? null : s.current(), hint));
  }

  /**
   * Records a poll's outcome and returns the delay before the next poll.
   *
   * @param retryAfter what the server asked for, or null
   */
  Duration next(FeedSpec feed, Outcome outcome, Duration retryAfter) {
    State updated = states.compute(feed.id(), (id, s) -> {
      Duration current = s == null || s.current() == null ? feed.interval() : s.current();
      Duration adapted = outcome == Outcome.CHANGED || outcome == Outcome.BACKLOG
          ? current.dividedBy(2)
          : current.multipliedBy(3).dividedBy(2);
      return new State(clamp(adapted, min(feed), max(feed)), s == null ? null : s.publisherHint());
    });
    Duration delay = outcome == Outcome.BACKLOG ? min(feed) : updated.current();
    // A backlog is read from the same document again: the publisher's update rate is no reason to wait.
    if (outcome != Outcome.BACKLOG && updated.publisherHint() != null) {
      delay = atLeast(delay, capped(updated.publisherHint(), feed));
    }
    if (retryAfter != null) {
      delay = atLeast(delay, capped(retryAfter, feed));
    }
    return delay;
  }

  /** The longest wait before a feed's first poll by an instance: its longest delay, or its publisher's hint. */
  static Duration longestFirstDelay(FeedSpec feed, Duration publisherHint) {
    Duration longest = max(feed);
    return publisherHint == null ? longest : atLeast(longest, capped(publisherHint, feed));
  }

  private static Duration ceiling(FeedSpec feed) {
    return feed.interval().compareTo(CEILING) > 0 ? feed.interval() : CEILING;
  }

  private static Duration capped(Duration d, FeedSpec feed) {
    return d.compareTo(ceiling(feed)) > 0 ? ceiling(feed) : d;
  }

  private static Duration atLeast(Duration d, Duration bound) {
    return d.compareTo(bound) < 0 ? bound : d;
  }

  private static Duration clamp(Duration d, Duration lo, Duration hi) {
    return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
  }
}
