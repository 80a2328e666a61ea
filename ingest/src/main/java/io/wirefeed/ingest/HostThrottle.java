package io.wirefeed.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Politeness: at most one request per host per {@code minDelay}, across all threads of a poller.
 * Callers reserve the next free slot, then sleep (interruptibly) until it comes.
 */
final class HostThrottle {
  private static final int PRUNE_ABOVE = 1024;
  private final long minDelayNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();

  HostThrottle(Duration minDelay) {
    if (minDelay.isNegative()) {
      throw new IllegalArgumentException("Invalid per-host delay: " + minDelay);
    }
    this.minDelayNanos = minDelay.toNanos();
  }

  /** Waits until a request to {@code host} is allowed; throws if interrupted while waiting. */
  void acquire(String host) throws InterruptedException {
    if (minDelayNanos == 0) {
      return;
    }
    long wait = reserve(host.toLowerCase(Locale.ROOT), System.nanoTime());
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private synchronized long reserve(String host, long now) {
    if (nextSlot.size() > PRUNE_ABOVE) {
      nextSlot.values().removeIf(slot -> slot - now < 0);
    }
    Long next = nextSlot.get(host);
    long slot = next == null || next - now < 0 ? now : next;
    nextSlot.put(host, slot + minDelayNanos);
    return slot - now;
  }
}
