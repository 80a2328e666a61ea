package io.wirefeed.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 (port from the OS) whose routes misbehave on purpose; it records
 * every request. Handlers that must hang wait on {@link #release}, opened when the server closes.
 */
final class TestServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(String path, String ifNoneMatch, String ifModifiedSince, String userAgent, String acceptEncoding,
      long atNanos) {}

  /** A route's behaviour. */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange) throws Exception;
  }

  static {
    // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  final List<Seen> requests = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  TestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create(base() + path);
  }

  int port() {
    return server.getAddress().getPort();
  }

  TestServer route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  TestServer serve(String path, String contentType, byte[] body) {
    return route(path, ex -> send(ex, 200, contentType, body));
  }

  long hits(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static void redirect(HttpExchange ex, int status, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(new Seen(path,
        ex.getRequestHeaders().getFirst("If-None-Match"),
        ex.getRequestHeaders().getFirst("If-Modified-Since"),
        ex.getRequestHeaders().getFirst("User-Agent"),
        ex.getRequestHeaders().getFirst("Accept-Encoding"),
        System.nanoTime()));
    Route route = routes.get(path);
    try {
      if (route == null) {
        send(ex, 404, "text/plain", "not found".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        route.handle(ex);
      }
    } catch (Exception e) {
      // The client may have hung up on purpose (timeouts, caps); nothing to report.
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
