package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport under the address guard: the connection uses the guard's own name resolution, so a name
 * that changes its answer after the check (DNS rebinding) cannot reach the loopback server.
 */
class HttpFetcherTest {
  private static final String RSS = "application/rss+xml";
  private static final byte[] FEED = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
  /** TEST-NET-3: passes the guard as a public address; never connected to (the resolver answers loopback then). */
  private static final byte[] DOCUMENTATION = {(byte) 203, 0, 113, 7};
  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  private TestServer server;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    server.serve("/feed.xml", RSS, FEED);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Answers {@code host} with one scripted address per call (the last one repeats), counting the calls. */
  private static final class ScriptedResolver implements AddressGuard.Resolver {
    final AtomicInteger calls = new AtomicInteger();
    private final String host;
    private final List<byte[]> answers;

    ScriptedResolver(String host, byte[]... answers) {
      this.host = host;
      this.answers = List.of(answers);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
      if (!name.equals(host)) {
        throw new UnknownHostException(name);
      }
      int call = calls.getAndIncrement();
      return new InetAddress[] {InetAddress.getByAddress(host, answers.get(Math.min(call, answers.size() - 1)))};
    }
  }

  private static HttpFetcher fetcher(AddressGuard.Resolver resolver, Duration connect, Duration read,
      ProxySelector proxy) {
    IngestLimits limits = new IngestLimits(connect, read, 64 * 1024, 32 * 1024, 3, "wirefeed-test/1.0", 50);
    return new HttpFetcher(limits, new AddressGuard(resolver), new HostThrottle(Duration.ZERO), proxy);
  }

  private static HttpFetcher fetcher(AddressGuard.Resolver resolver, Duration connect, Duration read) {
    return fetcher(resolver, connect, read, null);
  }

  private static HttpFetcher fetcher(AddressGuard.Resolver resolver) {
    return fetcher(resolver, Duration.ofMillis(300), Duration.ofMillis(700));
  }

  private static HttpFetcher.Response get(HttpFetcher fetcher, URI uri, boolean allowPrivate, AtomicLong wire)
      throws Exception {
    return fetcher.get(uri, 64 * 1024, allowPrivate, RSS, null, null, wire, HttpFetcher.HopCheck.NONE);
  }

  private URI at(String host, String path) {
    return URI.create("http://" + host + ":" + server.port() + path);
  }

  @Test
  void aNameThatRebindsToLoopbackAfterTheCheckIsRefusedBeforeConnecting() {
    // "localhost" so that a client resolving on its own (the system resolver) would reach the server.
    ScriptedResolver rebinding = new ScriptedResolver("localhost", DOCUMENTATION, LOOPBACK);
    HttpFetcher fetcher = fetcher(rebinding);

    assertThatThrownBy(() -> get(fetcher, at("localhost", "/feed.xml"), false, new AtomicLong()))
        .isInstanceOf(FetchException.class)
        .hasMessage("refused: localhost resolves to non-public address 127.0.0.1 "
            + "(feed does not allow private addresses)")
        .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.PERMANENT));
    assertThat(server.requests).as("no request reached the loopback server").isEmpty();
    assertThat(rebinding.calls).as("the hop's check, then the connection's own resolution").hasValue(2);
  }

  @Test
  void theConnectionGoesToTheAddressTheGuardsResolverReturned() throws Exception {
    AtomicReference<String> hostHeader = new AtomicReference<>();
    server.route("/feed.xml", ex -> {
      hostHeader.set(ex.getRequestHeaders().getFirst("Host"));
      TestServer.send(ex, 200, RSS, FEED);
    });
    // The system resolver does not know "wire.test": only the injected one can lead to the server.
    ScriptedResolver resolver = new ScriptedResolver("wire.test", LOOPBACK);
    AtomicLong wire = new AtomicLong();

    HttpFetcher.Response response = get(fetcher(resolver), at("wire.test", "/feed.xml"), true, wire);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FEED);
    assertThat(hostHeader.get()).isEqualTo("wire.test:" + server.port());
    assertThat(wire.get()).isEqualTo(FEED.length);
    assertThat(resolver.calls).as("resolved once, by the connection").hasValue(1);
  }

  @Test
  void aKeptAliveConnectionIsReusedWithoutResolvingAgain() throws Exception {
    ScriptedResolver resolver = new ScriptedResolver("wire.test", LOOPBACK);
    HttpFetcher fetcher = fetcher(resolver);

    for (int i = 0; i < 3; i++) {
      assertThat(get(fetcher, at("wire.test", "/feed.xml"), true, new AtomicLong()).status()).isEqualTo(200);
    }

    assertThat(server.hits("/feed.xml")).isEqualTo(3);
    assertThat(resolver.calls).as("one connection, one resolution").hasValue(1);
  }

  @Test
  void aConnectionOpenedForAPrivateFeedIsNeverReusedForAGuardedOne() throws Exception {
    // Loopback for the private feed's connection, public for the guarded feed's check, loopback again after.
    ScriptedResolver resolver = new ScriptedResolver("wire.test", LOOPBACK, DOCUMENTATION, LOOPBACK);
    HttpFetcher fetcher = fetcher(resolver);
    assertThat(get(fetcher, at("wire.test", "/feed.xml"), true, new AtomicLong()).status()).isEqualTo(200);

    assertThatThrownBy(() -> get(fetcher, at("wire.test", "/feed.xml"), false, new AtomicLong()))
        .hasMessageContaining("non-public address 127.0.0.1");
    assertThat(server.hits("/feed.xml")).as("only the private feed's request").isEqualTo(1);
  }

  @Test
  void aBodyDrippingInSlowerThanTheDeadlineIsAbortedAtTheDeadline() {
    CountDownLatch dripping = new CountDownLatch(1);
    server.route("/drip.xml", ex -> {
      ex.getResponseHeaders().set("Content-Type", RSS);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      dripping.countDown();
      // A byte every 50 ms: never silent for the read timeout, always slower than the deadline.
      while (!server.release.await(50, TimeUnit.MILLISECONDS)) {
        out.write(' ');
        out.flush();
      }
    });
    HttpFetcher fetcher = fetcher(new ScriptedResolver("wire.test", LOOPBACK), Duration.ofMillis(200),
        Duration.ofMillis(300));
    AtomicLong wire = new AtomicLong();

    // The server drips until the test ends: only the deadline can end the fetch (the message says which).
    assertThatThrownBy(() -> get(fetcher, at("wire.test", "/drip.xml"), true, wire))
        .isInstanceOf(FetchException.class)
        .hasMessageStartingWith("timed out after 500 ms reading ")
        .satisfies(e -> {
          assertThat(((FetchException) e).status()).isEqualTo(200);
          assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TRANSIENT);
        });
    assertThat(dripping.getCount()).isZero();
    assertThat(wire.get()).as("the bytes that did arrive are counted").isPositive();
  }

  @Test
  void interruptingTheFetchingThreadStopsARequestAServerNeverAnswers() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    server.route("/hang.xml", ex -> {
      requested.countDown();
      server.release.await(30, TimeUnit.SECONDS);
    });
    // Timeouts far beyond the test: only the interrupt can end the wait.
    HttpFetcher fetcher = fetcher(new ScriptedResolver("wire.test", LOOPBACK), Duration.ofSeconds(30),
        Duration.ofSeconds(30));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread poller = new Thread(() -> {
      try {
        get(fetcher, at("wire.test", "/hang.xml"), true, new AtomicLong());
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    poller.start();
    assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();

    poller.interrupt();

    // Well inside the 30 s timeouts: only the interrupt can have ended it.
    assertThat(outcome.get(15, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void aProxyGivenByNameIsExemptFromTheRulesWhileTheTargetIsChecked() throws Exception {
    // The server stands in for the internet as an HTTP proxy named like the JDK's default selector names one:
    // unresolved. Its loopback address must not be refused; the target's public address passes the check.
    AddressGuard.Resolver resolver = host -> {
      switch (host) {
        case "proxy.test":
          return new InetAddress[] {InetAddress.getByAddress(host, LOOPBACK)};
        case "wire.example":
          return new InetAddress[] {InetAddress.getByAddress(host, DOCUMENTATION)};
        default:
          throw new UnknownHostException(host);
      }
    };
    ProxySelector byName = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.test", server.port())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
    HttpFetcher fetcher = fetcher(resolver, Duration.ofMillis(300), Duration.ofMillis(700), byName);

    HttpFetcher.Response response = get(fetcher, URI.create("http://wire.example/feed.xml"), false,
        new AtomicLong());

    assertThat(response.status()).isEqualTo(200);
    assertThat(server.hits("/feed.xml")).isEqualTo(1);
  }

  @Test
  void httpsToAServerThatAnswersInPlainTextIsAPermanentTlsFailure() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
          out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // The test's assertion tells what the client saw.
        }
      });
      answer.start();
      HttpFetcher fetcher = fetcher(new ScriptedResolver("wire.test", LOOPBACK));
      URI https = URI.create("https://wire.test:" + plain.getLocalPort() + "/feed.xml");

      assertThatThrownBy(() -> get(fetcher, https, true, new AtomicLong()))
          .isInstanceOf(FetchException.class)
          .hasMessageStartingWith("TLS failure: ")
          .hasMessageEndingWith(" at " + https)
          .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.PERMANENT));
      answer.join(5000);
    }
  }
}
