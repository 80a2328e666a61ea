package io.wirefeed.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Retriers for tests: waits are recorded, never slept, and the jitter is fixed. */
final class TestRetriers {
  private TestRetriers() {}

  /** Three attempts, backoff 100 ms then 200 ms (jitter 1: the full wait), 10 s budget; waits go to {@code waits}. */
  static Retrier recording(Clock clock, List<Duration> waits) {
    return new Retrier(new Retrier.Policy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)),
        clock, waits::add, () -> 0.999999);
  }

  /** One attempt: for tests about a single misbehaving response. */
  static Retrier once(Clock clock) {
    return new Retrier(new Retrier.Policy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), clock,
        d -> { throw new AssertionError("no wait expected"); }, () -> 0);
  }

  static FeedPoller poller(IngestLimits limits, FeedStateStore store, Clock clock, Retrier retrier) {
    return new FeedPoller(limits, store, clock, Duration.ZERO, AddressGuard.system(), null, retrier);
  }
}
