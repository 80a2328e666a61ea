package io.wirefeed.ingest;

import java.net.ProxySelector;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GET with every limit of {@link IngestLimits}: connect and read timeouts, manual redirects (each
 * hop checked by the {@link AddressGuard} and throttled per host), http/https only, gzip/deflate
 * decoded with a cap on the decompressed size, and the body capped while it streams in. One call is one
 * attempt: retries are the {@link Retrier}'s business. The exchange itself, and the connection pinned to the
 * addresses the guard checked, are the {@link HttpTransport}'s.
 */
final class HttpFetcher {
  /**
   * A final (non-redirect) response; {@code body} is decompressed.
   *
   * @param retryAfter the Retry-After header as sent, or null
   * @param attempts how many attempts it took (set by the {@link Retrier})
   */
  record Response(URI uri, int status, String contentType, String etag, String lastModified, byte[] body,
      String retryAfter, int attempts) {
    Response withAttempts(int n) {
      return new Response(uri, status, contentType, etag, lastModified, body, retryAfter, n);
    }
  }

  /** A check run before every hop, redirects included (robots.txt for article pages). */
  @FunctionalInterface
  interface HopCheck {
    HopCheck NONE = uri -> { };

    void check(URI hop) throws FetchException, InterruptedException;
  }

  private final IngestLimits limits;
  private final AddressGuard guard;
  private final HostThrottle throttle;
  private final HttpTransport transport;

  /** @param proxy routes every request through an HTTP proxy (the proxy resolves the target), or null: none */
  HttpFetcher(IngestLimits limits, AddressGuard guard, HostThrottle throttle, ProxySelector proxy) {
    this.limits = limits;
    this.guard = guard;
    this.throttle = throttle;
    this.transport = new HttpTransport(limits, guard, proxy);
  }

  /**
   * Fetches {@code start}, following redirects; returns the final response whatever its status.
   *
   * @param maxBytes cap on the (decompressed) body of a 2xx response
   * @param accept the Accept header
   * @param etag sent as If-None-Match, or null
   * @param lastModified sent as If-Modified-Since, or null
   * @param wire adds up the bytes received, including those of failed and redirected requests
   * @param hopCheck run on each URL before it is requested
   */
  Response get(URI start, long maxBytes, boolean allowPrivate, String accept, String etag, String lastModified,
      AtomicLong wire, HopCheck hopCheck) throws FetchException, InterruptedException {
    URI uri = start;
    Set<URI> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      guard.check(uri, allowPrivate);
      if (!visited.add(uri)) {
        throw new FetchException("redirect loop at " + uri);
      }
      hopCheck.check(uri);
      throttle.acquire(uri.getHost());
      HttpTransport.Exchange response;
      try (HostThrottle.Connection slot = throttle.connection(uri.getHost())) {
        response = transport.get(uri, allowPrivate, accept, etag, lastModified, maxBytes, wire);
      }
      int status = response.status();
      String location = response.location();
      if (HttpTransport.REDIRECTS.contains(status) && location != null) {
        if (hop >= limits.maxRedirects()) {
          throw new FetchException("too many redirects (more than " + limits.maxRedirects() + ") from " + start,
              status, null);
        }
        String resolved = Links.resolve(uri, location);
        URI next = resolved == null ? null : Links.parse(resolved);
        if (next == null || !next.isAbsolute()) {
          throw new FetchException("invalid redirect Location: " + location, status, null);
        }
        uri = next;
        continue;
      }
      return new Response(uri, status, response.contentType(), response.etag(), response.lastModified(),
          response.body(), response.retryAfter(), 1);
    }
  }
}
