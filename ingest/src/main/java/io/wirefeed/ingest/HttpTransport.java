package io.wirefeed.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP exchange under the {@link HttpFetcher}: one GET at a time on Apache HttpClient 5 (classic,
 * HTTP/1.1, pooled keep-alive connections; no cookies, no automatic retries, redirects or decompression).
 *
 * <p>Its name resolution is {@link AddressGuard#addresses}: a new connection resolves the host once, the
 * guard's rules run on that answer and the socket connects only to the addresses that were checked, so a
 * DNS answer that changes after the hop's check (rebinding) cannot reach an internal address. Feeds allowed
 * private addresses use a second client with its own pool, so a connection opened for one of them is never
 * reused for a feed that is not. Through a proxy the proxy resolves the target; the proxy itself is the
 * operator's and exempt.
 *
 * <p>The calling thread does the I/O, on channel-backed sockets: interrupting it (a poll being stopped)
 * closes the connection at once. Timers abort an exchange whose headers take longer than the read timeout,
 * or which outlives connect plus read timeout (a body that drips in slowly). Idle connections are closed
 * after 30 s (swept on later fetches) and all of them after 5 min; the timer thread ends after a minute
 * without fetches, so an unused transport holds no thread.
 */
final class HttpTransport {
  /** One response, its body read (and decoded when 2xx); headers absent are null. */
  record Exchange(int status, String location, String contentType, String etag, String lastModified,
      String retryAfter, byte[] body) {}

  /** A client and the pool of connections only it uses. */
  private record Client(CloseableHttpClient http, PoolingHttpClientConnectionManager pool) {}

  /** Error pages are read for diagnostics only, never in full. */
  private static final int ERROR_BODY_CAP = 64 * 1024;
  static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int POOL_TOTAL = 200;
  /** Idle connections are closed after this (servers often drop theirs sooner: see VALIDATE_AFTER). */
  private static final TimeValue KEEP_IDLE = TimeValue.ofSeconds(30);
  /** A connection idle longer than this is checked before reuse: there are no automatic retries to hide it. */
  private static final TimeValue VALIDATE_AFTER = TimeValue.ofSeconds(1);
  /** Connections are not kept forever: a host's name is resolved (and checked) again from time to time. */
  private static final TimeValue TIME_TO_LIVE = TimeValue.ofMinutes(5);
  private static final long BACKSTOP_MILLIS = 1000;
  private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final IngestLimits limits;
  private final AddressGuard guard;
  private final Client guarded;
  private final Client open;
  private final ScheduledThreadPoolExecutor deadlines;
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

  /** @param proxy routes every request through an HTTP proxy (the proxy resolves the target), or null: none */
  HttpTransport(IngestLimits limits, AddressGuard guard, ProxySelector proxy) {
    this.limits = limits;
    this.guard = guard;
    this.guarded = client(false, proxy);
    this.open = client(true, proxy);
    // One timer thread, started on demand and gone after a minute without fetches: no close() to forget.
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "wirefeed-fetch-deadline");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(1, TimeUnit.MINUTES);
    timer.allowCoreThreadTimeOut(true);
    this.deadlines = timer;
  }

  /**
   * One GET, redirects not followed; its body read (2xx: up to {@code maxBytes}, decoded; errors: the first
   * 64 KiB; redirects and 304: not read) and every byte received added to {@code wire}.
   *
   * <p>As with java.net.http's request timeout, the headers must come within the read timeout of the start;
   * the whole exchange, body included, within connect plus read timeout. Timers enforce both (the socket
   * timeout is only a backstop): a silent server and one dripping a byte a second alike.
   *
   * @throws FetchException with the HTTP status when the headers came, and the reason an operator reads
   * @throws InterruptedException if the calling thread is interrupted (its connection is closed at once)
   */
  Exchange get(URI uri, boolean allowPrivate, String accept, String etag, String lastModified, long maxBytes,
      AtomicLong wire) throws FetchException, InterruptedException {
    HttpGet request = new HttpGet(uri);
    request.setHeader("User-Agent", limits.userAgent());
    request.setHeader("Accept", accept);
    // Decoded here (CappedBody), with a cap on the decompressed size, not by the client.
    request.setHeader("Accept-Encoding", "gzip, deflate");
    if (etag != null) {
      request.setHeader("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.setHeader("If-Modified-Since", lastModified);
    }
    Client client = allowPrivate ? open : guarded;
    sweepIdleConnections();
    long deadline = deadlineMillis();
    AtomicBoolean headersIn = new AtomicBoolean();
    AtomicReference<String> timedOut = new AtomicReference<>();
    ScheduledFuture<?> responseTimer = deadlines.schedule(() -> {
      if (!headersIn.get() && timedOut.compareAndSet(null, "timed out waiting for the response: " + uri)) {
        request.cancel();
      }
    }, limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> deadlineTimer = deadlines.schedule(() -> {
      if (timedOut.compareAndSet(null, "timed out after " + deadline + " ms reading " + uri)) {
        request.cancel();
      }
    }, deadline, TimeUnit.MILLISECONDS);
    ClassicHttpResponse response = null;
    int status = 0;
    boolean reusable = false;
    try {
      response = client.http().executeOpen(null, request, null);
      headersIn.set(true);
      status = response.getCode();
      CappedBody.Read raw = readBody(response.getEntity(), status, maxBytes, wire);
      reusable = raw.complete();
      String encoding = header(response, "Content-Encoding");
      byte[] body = status / 100 == 2
          ? CappedBody.decode(encoding, raw.bytes(), maxBytes, uri, status)
          : errorBody(encoding, raw.bytes(), uri, status);
      return new Exchange(status, header(response, "Location"), header(response, "Content-Type"),
          header(response, "ETag"), header(response, "Last-Modified"), header(response, "Retry-After"), body);
    } catch (CappedBody.TooLarge e) {
      throw new FetchException(e.getMessage() + " at " + uri, status, null);
    } catch (IOException | RuntimeException e) {
      // The status is kept when the headers came and the body did not: the report says what was received.
      throw failure(e, uri, status, timedOut.get());
    } finally {
      responseTimer.cancel(false);
      deadlineTimer.cancel(false);
      if (!reusable) {
        // Drops the connection: closing the response would otherwise read what was left unread to reuse it.
        request.cancel();
      }
      closeQuietly(response);
    }
  }

  private long deadlineMillis() {
    return limits.connectTimeout().plus(limits.readTimeout()).toMillis();
  }

  /** 2xx: up to the cap or fail; errors: the first 64 KiB; redirects and 304: not read at all. */
  private static CappedBody.Read readBody(HttpEntity entity, int status, long maxBytes, AtomicLong wire)
      throws IOException, CappedBody.TooLarge {
    if (entity == null) {
      return new CappedBody.Read(new byte[0], true);
    }
    long declared = entity.getContentLength();
    if ((REDIRECTS.contains(status) || status == 304) && declared != 0) {
      return new CappedBody.Read(new byte[0], false);
    }
    boolean success = status / 100 == 2;
    return CappedBody.read(entity.getContent(), success ? maxBytes : ERROR_BODY_CAP, !success, declared, wire);
  }

  /** Maps a transport failure to the reason an operator reads; a stopped poll becomes an InterruptedException. */
  private FetchException failure(Exception e, URI uri, int status, String timedOut) throws InterruptedException {
    if (Thread.interrupted()) {
      InterruptedException stop = new InterruptedException("interrupted fetching " + uri);
      stop.initCause(e);
      throw stop;
    }
    if (timedOut != null) {
      return FetchException.transientFailure(timedOut, status, null);
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AddressGuard.NonPublicAddress) {
        return new FetchException(c.getMessage());
      }
    }
    if (e instanceof ConnectTimeoutException) {
      return FetchException.transientFailure("connect timed out: " + uri, 0, null);
    }
    if (e instanceof SocketTimeoutException) {
      // The socket timeout is a backstop behind the timers: only a starved timer thread gets here.
      return status == 0
          ? FetchException.transientFailure("timed out waiting for the response: " + uri, 0, null)
          : FetchException.transientFailure("timed out after " + deadlineMillis() + " ms reading " + uri, status,
              null);
    }
    if (e instanceof ConnectException) {
      return FetchException.transientFailure("connection refused: " + uri, 0, null);
    }
    if (e instanceof SSLException) {
      return new FetchException("TLS failure: " + e.getMessage() + " at " + uri);
    }
    if (e instanceof IOException) {
      return FetchException.transientFailure("I/O error: " + e.getMessage() + " at " + uri, status, e);
    }
    return new FetchException("fetch failed: " + e + " at " + uri, status, e);
  }

  /** An error page is diagnostics only: a body that cannot be decoded must not hide the status. */
  private static byte[] errorBody(String encoding, byte[] raw, URI uri, int status) {
    try {
      return CappedBody.decode(encoding, raw, ERROR_BODY_CAP, uri, status);
    } catch (FetchException e) {
      return new byte[0];
    }
  }

  private static String header(ClassicHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException e) {
      // The connection is dropped either way; the exchange's outcome is already decided.
    }
  }

  /** Closes pooled connections idle too long; cheap, at most every 30 s, on the fetching thread. */
  private void sweepIdleConnections() {
    long now = System.nanoTime();
    long last = lastSweep.get();
    if (now - last >= SWEEP_NANOS && lastSweep.compareAndSet(last, now)) {
      for (Client c : List.of(guarded, open)) {
        c.pool().closeExpired();
        c.pool().closeIdle(KEEP_IDLE);
      }
    }
  }

  private Client client(boolean allowPrivate, ProxySelector proxy) {
    DnsResolver dns = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.addresses(host, allowPrivate);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        // Only for Kerberos/SPNEGO, which is not used: no reverse lookup.
        return host;
      }
    };
    // Above the timers' limits: the socket timeout only stops a read the timers somehow failed to stop.
    Timeout backstop = Timeout.ofMilliseconds(deadlineMillis() + BACKSTOP_MILLIS);
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManagerBuilder() {
          @Override
          protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports,
              DnsResolver resolver, TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(HttpTransport::socket, ports, resolver,
                RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
          }
        }
        .setDnsResolver(dns)
        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
        // The throttle's limit per host, and as many again being torn down or idle.
        .setMaxConnPerRoute(2 * limits.maxConnectionsPerHost())
        .setMaxConnTotal(POOL_TOTAL)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(limits.connectTimeout()))
            .setSocketTimeout(backstop)
            .setValidateAfterInactivity(VALIDATE_AFTER)
            .setTimeToLive(TIME_TO_LIVE)
            .build())
        .build();
    HttpRoutePlanner routes = proxy == null
        ? new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE)
        : new ProxyRoutes(proxy);
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(pool)
        .setRoutePlanner(routes)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(limits.connectTimeout()))
            .setResponseTimeout(backstop)
            .setConnectionKeepAlive(KEEP_IDLE)
            .setRedirectsEnabled(false)
            .setAuthenticationEnabled(false)
            .build())
        .disableRedirectHandling()
        .disableContentCompression()
        .disableCookieManagement()
        .disableAutomaticRetries()
        .disableAuthCaching()
        .disableConnectionState()
        .disableDefaultUserAgent()
        .build();
    return new Client(http, pool);
  }

  /**
   * A socket whose blocking I/O an interrupt ends (the channel closes): a poll stopped mid-read stops at
   * once instead of waiting for its timeout. SOCKS proxies need a plain socket.
   */
  private static Socket socket(Proxy socksProxy) throws IOException {
    return socksProxy == null ? SocketChannel.open().socket() : new Socket(socksProxy);
  }

  /**
   * The proxy is the operator's: it is exempt from the address rules, and an unresolved proxy address (as the
   * JDK's default selector gives) is resolved here so that the guarded resolution never sees its name.
   */
  private final class ProxyRoutes extends SystemDefaultRoutePlanner {
    ProxyRoutes(ProxySelector proxy) {
      super(proxy);
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
      HttpHost proxy = super.determineProxy(target, context);
      if (proxy == null || proxy.getAddress() != null) {
        return proxy;
      }
      try {
        InetAddress address = guard.addresses(proxy.getHostName(), true)[0];
        return new HttpHost(proxy.getSchemeName(), address, proxy.getHostName(), proxy.getPort());
      } catch (UnknownHostException e) {
        throw new HttpException("unknown proxy host " + proxy.getHostName(), e);
      }
    }
  }
}
