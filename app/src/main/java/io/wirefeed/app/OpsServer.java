package io.wirefeed.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Quote;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operations endpoint: {@code /health} (liveness), {@code /ready} (broker reachable), {@code /metrics}
 * (Prometheus text format through Micrometer) and {@code /}, a status page with each feed's state and the latest
 * articles, their dateline, credited sources and quotes highlighted.
 */
final class OpsServer implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusMeterRegistry registry;
  private final StatusBoard board;
  private final BooleanSupplier ready;

  private OpsServer(HttpServer server, PrometheusMeterRegistry registry, StatusBoard board, BooleanSupplier ready) {
    this.server = server;
    this.registry = registry;
    this.board = board;
    this.ready = ready;
  }

  /** Starts on {@code port} (0: any free port) on all interfaces, so that a container's port can be published. */
  static OpsServer start(int port, PrometheusMeterRegistry registry, StatusBoard board, BooleanSupplier ready)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    OpsServer ops = new OpsServer(server, registry, board, ready);
    server.createContext("/health", ex -> ops.send(ex, 200, "text/plain; charset=utf-8", "ok\n"));
    server.createContext("/ready", ex -> {
      boolean ok = ops.ready.getAsBoolean();
      ops.send(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ready\n" : "not ready\n");
    });
    server.createContext("/metrics", ex -> ops.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
        ops.registry.scrape()));
    server.createContext("/", ex -> {
      if (!ex.getRequestURI().getPath().equals("/")) {
        ops.send(ex, 404, "text/plain; charset=utf-8", "not found\n");
        return;
      }
      ops.send(ex, 200, "text/html; charset=utf-8", ops.statusPage());
    });
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "ops-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return ops;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void send(HttpExchange ex, int status, String type, String body) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  String statusPage() {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>wirefeed status</title>")
        .append("<meta http-equiv=\"refresh\" content=\"10\"><style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}.err{color:#b00}")
        .append(".dateline{font-weight:bold;text-transform:uppercase}.credit{background:#e8f0ff}")
        .append("q.quote{background:#fff3c4}.speaker{font-style:italic}article{margin:1em 0;border-top:1px solid #ddd}")
        .append("</style></head><body><h1>wirefeed</h1><h2>Feeds</h2><table id=\"feeds\"><tr><th>feed</th>")
        .append("<th>last poll</th><th>HTTP</th><th>new</th><th>seen</th><th>failed</th><th>bytes</th><th>next poll</th><th>error</th></tr>");
    for (PollReport r : board.feeds().values()) {
      h.append("<tr class=\"feed\"><td>").append(esc(r.feedId())).append("</td><td>").append(r.at())
          .append("</td><td>").append(r.httpStatus()).append("</td><td>").append(r.newItems()).append("</td><td>")
          .append(r.seenItems()).append("</td><td>").append(r.failedItems()).append("</td><td>").append(r.bytes())
          .append("</td><td>").append(r.nextPoll() == null ? "" : r.nextPoll())
          .append("</td><td class=\"err\">").append(r.error() == null ? "" : esc(r.error())).append("</td></tr>");
    }
    h.append("</table><h2>Latest articles</h2><div id=\"articles\">");
    for (Article a : board.latestArticles()) {
      h.append("<article class=\"article\"><h3>").append(esc(a.headline())).append("</h3><p>");
      if (a.dateline() != null) {
        h.append("<span class=\"dateline\">").append(esc(a.dateline().text())).append("</span> ");
      }
      h.append(esc(a.language())).append(" · ")
          .append(esc(a.source() == null ? null : a.source().agency())).append(" · v").append(a.version())
          .append("</p>");
      if (!a.creditedSources().isEmpty()) {
        h.append("<p>Credits: ");
        for (CreditedSource c : a.creditedSources()) {
          h.append("<span class=\"credit\" title=\"").append(esc(c.text())).append("\">").append(esc(c.name()))
              .append("</span> ");
        }
        h.append("</p>");
      }
      if (!a.quotes().isEmpty()) {
        h.append("<ul>");
        for (Quote q : a.quotes()) {
          h.append("<li><q class=\"quote\">").append(esc(q.text())).append("</q> — <span class=\"speaker\">")
              .append(esc(q.speaker() == null ? "unknown" : q.speaker())).append("</span> (")
              .append(esc(q.verb())).append(", ").append(q.kind().wireName()).append(")</li>");
        }
        h.append("</ul>");
      }
      h.append("</article>");
    }
    h.append("</div><h2>Latest dead letters</h2><ul id=\"dlq\">");
    for (DeadLetter d : board.latestDeadLetters()) {
      h.append("<li>").append(esc(d.documentId())).append(" (").append(esc(d.stage())).append("): ")
          .append(esc(d.reason())).append("</li>");
    }
    return h.append("</ul></body></html>").toString();
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
