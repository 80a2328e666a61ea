package io.wirefeed.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Politeness: at most one request per host per {@code minDelay}, or per the host's own longer delay
 * (robots.txt Crawl-delay), across all threads of a poller, and at most a set number of requests in flight per
 * host. Callers reserve the next free slot, then sleep (interruptibly) until it comes.
 */
final class HostThrottle {
  private static final int PRUNE_ABOVE = 1024;
  private final int connectionsPerHost;
  private final Map<String, Semaphore> connections = new ConcurrentHashMap<>();
  private final long minDelayNanos;
  private final ToLongFunction<String> hostDelayNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();

  HostThrottle(Duration minDelay) {
    this(minDelay, host -> 0, IngestLimits.DEFAULT_CONNECTIONS_PER_HOST);
  }

  HostThrottle(Duration minDelay, ToLongFunction<String> hostDelayNanos) {
    this(minDelay, hostDelayNanos, IngestLimits.DEFAULT_CONNECTIONS_PER_HOST);
  }

  /**
   * @param hostDelayNanos a host's own delay in nanoseconds (0: none); the longer of it and {@code minDelay}
   *     applies
   * @param connectionsPerHost requests in flight to one host at most
   */
  HostThrottle(Duration minDelay, ToLongFunction<String> hostDelayNanos, int connectionsPerHost) {
    if (minDelay.isNegative()) {
      throw new IllegalArgumentException("Invalid per-host delay: " + minDelay);
    }
    if (connectionsPerHost <= 0) {
      throw new IllegalArgumentException("Invalid connections per host: " + connectionsPerHost);
    }
    this.connectionsPerHost = connectionsPerHost;
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

  /** A request slot to one host, held while the request and its body are in flight. */
  interface Connection extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits (interruptibly) until fewer than the limit of requests to {@code host} are in flight. */
  Connection connection(String host) throws InterruptedException {
    Semaphore permits = connections.computeIfAbsent(host.toLowerCase(Locale.ROOT),
        h -> new Semaphore(connectionsPerHost, true));
    permits.acquire();
    boolean[] closed = {false};
    return () -> {
      if (!closed[0]) {
        closed[0] = true;
        permits.release();
      }
    };
  }

  /** Free request slots for {@code host} right now (for tests and status). */
  int availableConnections(String host) {
    Semaphore permits = connections.get(host.toLowerCase(Locale.ROOT));
    return permits == null ? connectionsPerHost : permits.availablePermits();
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
