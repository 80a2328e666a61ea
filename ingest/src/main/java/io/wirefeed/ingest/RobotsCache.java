package io.wirefeed.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * robots.txt per origin (scheme, host, port), fetched once and kept for a day; a file that could not be
 * read is asked for again after a few minutes, and meanwhile a copy that was read before still serves
 * (RFC 9309 2.4). Threads needing the same origin wait for one fetch. Crawl-delays are kept per host for
 * the {@link HostThrottle}.
 */
final class RobotsCache {
  /** Fetches and reads one robots.txt; never throws but when interrupted. */
  @FunctionalInterface
  interface Loader {
    RobotsTxt load(URI robotsTxt, boolean allowPrivate, AtomicLong wire) throws InterruptedException;
  }

  static final Duration TTL = Duration.ofHours(24);
  static final Duration UNAVAILABLE_TTL = Duration.ofMinutes(5);
  /** A Crawl-delay past this is cut: the poll threads sleep through it. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);
  private static final int MAX_ORIGINS = 20_000;

  /** One origin's robots.txt; {@code lock} makes the threads that need it share one fetch. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile RobotsTxt rules;
    volatile Instant expires;
  }

  private final Loader loader;
  private final Clock clock;
  private final Map<String, Long> crawlDelays = new ConcurrentHashMap<>();
  private final Map<String, Slot> slots = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
      if (size() <= MAX_ORIGINS) {
        return false;
      }
      crawlDelays.remove(URI.create(eldest.getKey()).getHost());
      return true;
    }
  };

  RobotsCache(Loader loader, Clock clock) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Throws unless robots.txt lets the crawler fetch {@code uri}: {@link FetchException.Kind#DISALLOWED}
   * when its rules say no, {@link FetchException.Kind#DEFERRED} when it could not be read.
   */
  void check(URI uri, boolean allowPrivate, AtomicLong wire) throws FetchException, InterruptedException {
    if ("/robots.txt".equals(uri.getRawPath())) {
      return;
    }
    RobotsTxt rules = rulesFor(uri, allowPrivate, wire);
    if (rules.unavailable() != null) {
      throw new FetchException("robots.txt unavailable (" + rules.unavailable() + "): not fetched for now",
          0, FetchException.Kind.DEFERRED, null);
    }
    if (!rules.allows(uri)) {
      throw new FetchException("disallowed by robots.txt", 0, FetchException.Kind.DISALLOWED, null);
    }
  }

  /** The Crawl-delay of the host in nanoseconds, 0 when none is known. */
  long crawlDelayNanos(String host) {
    Long d = crawlDelays.get(host.toLowerCase(Locale.ROOT));
    return d == null ? 0 : d;
  }

  private RobotsTxt rulesFor(URI uri, boolean allowPrivate, AtomicLong wire) throws InterruptedException {
    String origin = origin(uri);
    Slot slot;
    synchronized (slots) {
      slot = slots.computeIfAbsent(origin, k -> new Slot());
    }
    RobotsTxt fresh = fresh(slot);
    if (fresh != null) {
      return fresh;
    }
    slot.lock.lockInterruptibly();
    try {
      fresh = fresh(slot);
      if (fresh != null) {
        return fresh;
      }
      RobotsTxt loaded = loader.load(URI.create(origin + "/robots.txt"), allowPrivate, wire);
      Instant now = clock.instant();
      RobotsTxt previous = slot.rules;
      if (loaded.unavailable() != null && previous != null && previous.unavailable() == null) {
        // A copy read earlier beats "disallow everything" while the server has trouble.
        slot.expires = now.plus(UNAVAILABLE_TTL);
        return previous;
      }
      slot.rules = loaded;
      slot.expires = now.plus(loaded.unavailable() == null ? TTL : UNAVAILABLE_TTL);
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      if (loaded.crawlDelay() != null && !loaded.crawlDelay().isZero()) {
        Duration d = loaded.crawlDelay().compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : loaded.crawlDelay();
        crawlDelays.put(host, d.toNanos());
      } else if (loaded.unavailable() == null) {
        crawlDelays.remove(host);
      }
      return loaded;
    } finally {
      slot.lock.unlock();
    }
  }

  private RobotsTxt fresh(Slot slot) {
    RobotsTxt rules = slot.rules;
    Instant expires = slot.expires;
    return rules != null && expires != null && clock.instant().isBefore(expires) ? rules : null;
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
