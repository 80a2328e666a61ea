package io.wirefeed.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * GET with every limit of {@link IngestLimits}: connect and read timeouts, manual redirects (each
 * hop checked by the {@link AddressGuard} and throttled per host), http/https only, gzip/deflate
 * decoded with a cap on the decompressed size, and the body capped while it streams in. One call is one
 * attempt: retries are the {@link Retrier}'s business.
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

  /** Error pages are read for diagnostics only, never in full. */
  private static final int ERROR_BODY_CAP = 64 * 1024;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final IngestLimits limits;
  private final AddressGuard guard;
  private final HostThrottle throttle;
  private final HttpClient client;

  HttpFetcher(IngestLimits limits, AddressGuard guard, HostThrottle throttle, ProxySelector proxy) {
    this.limits = limits;
    this.guard = guard;
    this.throttle = throttle;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(limits.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.client = builder.build();
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
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .GET()
          .timeout(limits.readTimeout())
          .header("User-Agent", limits.userAgent())
          .header("Accept", accept)
          .header("Accept-Encoding", "gzip, deflate");
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<byte[]> response;
      byte[] received;
      try (HostThrottle.Connection slot = throttle.connection(uri.getHost())) {
        response = send(request.build(), maxBytes, wire);
        received = response.statusCode() / 100 == 2 ? decompress(response, maxBytes) : errorBody(response);
      }
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (REDIRECTS.contains(status) && location != null) {
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
      byte[] body = received;
      return new Response(uri, status,
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null),
          body, response.headers().firstValue("Retry-After").orElse(null), 1);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request, long maxBytes, AtomicLong wire)
      throws FetchException, InterruptedException {
    AtomicReference<CappedBody> body = new AtomicReference<>();
    AtomicInteger headersStatus = new AtomicInteger();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      int status = info.statusCode();
      headersStatus.set(status);
      CappedBody subscriber = status / 100 == 2
          ? new CappedBody(maxBytes, false, info.headers().firstValueAsLong("Content-Length").orElse(-1), wire)
          : new CappedBody(REDIRECTS.contains(status) || status == 304 ? 0 : ERROR_BODY_CAP, true, -1, wire);
      body.set(subscriber);
      return subscriber;
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
    // The request timeout only covers the headers; this deadline covers connecting and the whole body.
    Duration deadline = limits.connectTimeout().plus(limits.readTimeout());
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abort(future, body.get());
      // The status is kept when the headers came and the body did not: the report says what was received.
      throw FetchException.transientFailure("timed out after " + deadline.toMillis() + " ms reading " + request.uri(),
          headersStatus.get(), null);
    } catch (InterruptedException e) {
      abort(future, body.get());
      throw e;
    } catch (ExecutionException e) {
      throw describe(e.getCause(), request.uri());
    }
  }

  private static void abort(CompletableFuture<?> future, CappedBody body) {
    if (body != null) {
      body.abort();
    }
    future.cancel(true);
  }

  private static FetchException describe(Throwable cause, URI uri) {
    if (cause instanceof CappedBody.TooLarge) {
      return new FetchException(cause.getMessage() + " at " + uri, 200, null);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return FetchException.transientFailure("connect timed out: " + uri, 0, null);
    }
    if (cause instanceof HttpTimeoutException) {
      return FetchException.transientFailure("timed out waiting for the response: " + uri, 0, null);
    }
    if (cause instanceof ConnectException) {
      return FetchException.transientFailure("connection refused: " + uri, 0, null);
    }
    if (cause instanceof SSLException) {
      return new FetchException("TLS failure: " + cause.getMessage() + " at " + uri);
    }
    if (cause instanceof IOException) {
      return FetchException.transientFailure("I/O error: " + cause.getMessage() + " at " + uri, 0, cause);
    }
    return new FetchException("fetch failed: " + cause + " at " + uri, 0, cause);
  }

  /** An error page is diagnostics only: a body that cannot be decoded must not hide the status. */
  private static byte[] errorBody(HttpResponse<byte[]> response) {
    try {
      return decompress(response, ERROR_BODY_CAP);
    } catch (FetchException e) {
      return new byte[0];
    }
  }

  /** Undoes Content-Encoding, refusing to inflate past {@code cap} (a compression bomb). */
  static byte[] decompress(HttpResponse<byte[]> response, long cap) throws FetchException {
    String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    byte[] raw = response.body();
    try {
      switch (encoding) {
        case "":
        case "identity":
          return raw;
        case "gzip":
        case "x-gzip":
          return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), cap, response.uri());
        case "deflate":
          return inflateDeflate(raw, cap, response.uri());
        default:
          throw new FetchException("unsupported Content-Encoding '" + encoding + "' at " + response.uri(),
              response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new FetchException("corrupt " + encoding + " body at " + response.uri(), response.statusCode(), e);
    }
  }

  /** "deflate" is zlib-wrapped by the RFC but raw in some servers: try both. */
  private static byte[] inflateDeflate(byte[] raw, long cap, URI uri) throws IOException, FetchException {
    try {
      return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater()), cap, uri);
    } catch (ZipException e) {
      return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), cap, uri);
    }
  }

  private static byte[] inflate(InputStream in, long cap, URI uri) throws IOException, FetchException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > cap) {
          throw new FetchException("decompressed body exceeds " + cap + " bytes (compression bomb?) at " + uri, 200,
              null);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
