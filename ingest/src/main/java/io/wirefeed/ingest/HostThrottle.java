package io.wirefeed.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Politeness: at most one request per host per {@code minDelay}, or per the host's own longer delay
 * (robots.txt Crawl-delay), across all threads of a poller. Callers reserve the next free slot, then
 * sleep (interruptibly) until it comes.
 */
final class HostThrottle {
  private static final int PRUNE_ABOVE = 1024;
  private final long minDelayNanos;
  private final ToLongFunction<String> hostDelayNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();

  HostThrottle(Duration minDelay) {
    this(minDelay, host -> 0);
  }

  /**
   * @param hostDelayNanos a host's own delay in nanoseconds (0: none); the longer of it and {@code minDelay}
   *     applies
   */
  HostThrottle(Duration minDelay, ToLongFunction<String> hostDelayNanos) {
    if (minDelay.isNegative()) {
      throw new IllegalArgumentException("Invalid per-host delay: " + minDelay);
    }
    this.minDelayNanos = minDelay.toNanos();
    this.hostDelayNanos = hostDelayNanos;
  }

  /** Waits until a request to {@code host} is allowed; throws if interrupted while waiting. */
  void acquire(String host) throws InterruptedException {
    String key = host.toLowerCase(Locale.ROOT);
    long delay = Math.max(minDelayNanos, hostDelayNanos.applyAsLong(key));
    if (delay <= 0) {
      return;
    }
    long wait = reserve(key, System.nanoTime(), delay);
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private synchronized long reserve(String host, long now, long delay) {
    if (nextSlot.size() > PRUNE_ABOVE) {
      nextSlot.values().removeIf(slot -> slot - now < 0);
    }
    Long next = nextSlot.get(host);
    long slot = next == null || next - now < 0 ? now : next;
    nextSlot.put(host, slot + delay);
    return slot - now;
  }
}
