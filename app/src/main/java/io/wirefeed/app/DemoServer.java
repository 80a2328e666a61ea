package io.wirefeed.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback HTTP server serving the bundled demo feeds and pages from the classpath ({@code /demo/}).
 *
 * <p>Feeds carry the placeholder {@code {{BASE}}} for their links; it is replaced with this server's base URL.
 * Pages are served without a charset parameter, so that ingest has to sniff it from the page itself.
 */
final class DemoServer implements AutoCloseable {
  private final HttpServer server;

  private DemoServer(HttpServer server) {
    this.server = server;
  }

  static DemoServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DemoServer demo = new DemoServer(server);
    server.createContext("/", demo::handle);
    server.start();
    return demo;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI resolve(String path) {
    return URI.create(base() + path);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.contains("..") || !(path.startsWith("/feeds/") || path.startsWith("/pages/"))) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] bytes;
      try (InputStream in = DemoServer.class.getResourceAsStream("/demo" + path)) {
        if (in == null) {
          send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
          return;
        }
        bytes = in.readAllBytes();
      }
      String lower = path.toLowerCase(Locale.ROOT);
      String type;
      if (lower.endsWith(".xml")) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("{{BASE}}", base().toString());
        bytes = text.getBytes(StandardCharsets.UTF_8);
        type = text.contains("<feed") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
      } else if (lower.endsWith(".html")) {
        type = "text/html";
      } else {
        type = "application/octet-stream";
      }
      send(exchange, 200, type, bytes);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
