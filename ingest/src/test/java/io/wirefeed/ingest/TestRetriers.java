package io.wirefeed.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Retriers for tests: waits are recorded, never slept, and the jitter is fixed. */
final class TestRetriers {
  private TestRetriers() {}

  /** Three attempts, waits of 50 ms then 100 ms (jitter 0: half of each backoff step), a 10 s budget. */
  static Retrier recording(Clock clock, List<Duration> waits) {
    return new Retrier(new Retrier.Policy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)),
        clock, waits::add, () -> 0);
  }

  /** One attempt: for tests about a single misbehaving response. */
  static Retrier once(Clock clock) {
    return new Retrier(new Retrier.Policy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), clock,
        d -> { throw new AssertionError("no wait expected"); }, () -> 0);
  }

  /** The usual test poller: test limits (50 items a poll), no host delay, retries with recorded waits. */
  static FeedPoller poller(FeedStateStore store, Clock clock) {
    return poller(FeedPollerTest.testLimits(50), store, clock, recording(clock, new java.util.ArrayList<>()));
  }

  static FeedPoller poller(IngestLimits limits, FeedStateStore store, Clock clock, Retrier retrier) {
    return new FeedPoller(limits, store, clock, Duration.ZERO, AddressGuard.system(), null, retrier);
  }
}
