package io.wirefeed.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The bounds every fetch respects: timeouts, size caps (also after decompression), redirects.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long one response (headers and body) may take once connected
 * @param maxFeedBytes the largest feed document accepted, decompressed
 * @param maxPageBytes the largest article page accepted, decompressed
 * @param maxRedirects redirects followed per fetch; each hop is checked again
 * @param userAgent the User-Agent header sent
 * @param maxItemsPerPoll new items handled per poll at most; the rest wait for the next poll
 * @param maxConnectionsPerHost requests in flight to one host at once, across all feeds of a poller
 */
public record IngestLimits(
    Duration connectTimeout,
    Duration readTimeout,
    long maxFeedBytes,
    long maxPageBytes,
    int maxRedirects,
    String userAgent,
    int maxItemsPerPoll,
    int maxConnectionsPerHost) {
  /** Two requests in flight per host: the customary crawler courtesy limit. */
  public static final int DEFAULT_CONNECTIONS_PER_HOST = 2;

  public IngestLimits {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    if (maxFeedBytes <= 0 || maxFeedBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Invalid maxFeedBytes: " + maxFeedBytes);
    }
    if (maxPageBytes <= 0 || maxPageBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Invalid maxPageBytes: " + maxPageBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("Invalid maxRedirects: " + maxRedirects);
    }
    if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException("Invalid userAgent: " + userAgent);
    }
    if (maxItemsPerPoll <= 0) {
      throw new IllegalArgumentException("Invalid maxItemsPerPoll: " + maxItemsPerPoll);
    }
    if (maxConnectionsPerHost <= 0) {
      throw new IllegalArgumentException("Invalid maxConnectionsPerHost: " + maxConnectionsPerHost);
    }
  }

  /** Limits with {@value #DEFAULT_CONNECTIONS_PER_HOST} connections per host. */
  public IngestLimits(Duration connectTimeout, Duration readTimeout, long maxFeedBytes, long maxPageBytes,
      int maxRedirects, String userAgent, int maxItemsPerPoll) {
    this(connectTimeout, readTimeout, maxFeedBytes, maxPageBytes, maxRedirects, userAgent, maxItemsPerPoll,
        DEFAULT_CONNECTIONS_PER_HOST);
  }

  /** 10 s connect, 20 s read, 10 MiB feeds, 5 MiB pages, 5 redirects, 200 items per poll, 2 connections per host. */
  public static IngestLimits defaults() {
    return new IngestLimits(
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        10L * 1024 * 1024,
        5L * 1024 * 1024,
        5,
        "wirefeed/0.1 (+https://github.com/wirefeed/wirefeed)",
        200);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "Invalid %s: %s", name, d));
    }
  }
}
