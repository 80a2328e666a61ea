package io.wirefeed.ingest;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Scale benchmark, not a unit test: a loopback server generates N small RSS feeds (3 items each, with an
 * ETag), and one {@link FeedPoller} polls them all over a thread pool, round after round. Round 1 is cold
 * (every feed new, every article fetched); in later rounds most feeds answer 304 and a few percent have one
 * new item. Prints polls/s, CPU (whole process, and the server's threads apart) and heap after GC.
 *
 * <p>Run: {@code java -Xmx512m -cp <test-classes:classes:deps> io.wirefeed.ingest.IngestScaleBench
 * [feeds=10000] [threads=16] [rounds=3] [changedPercent=5]}
 */
public final class IngestScaleBench {
  private static final String SERVER_THREAD = "bench-server-";
  private static final int ITEMS = 3;

  /** Per feed: the generation of its content; a feed changes by getting one more item. */
  private final AtomicLongArray generation;
  private final HttpServer server;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  private IngestScaleBench(int feeds) throws IOException {
    generation = new AtomicLongArray(feeds);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(4, named(SERVER_THREAD)));
    server.createContext("/", this::handle);
    server.start();
  }

  public static void main(String[] args) throws Exception {
    // The JDK server writes headers and body separately: without it, delayed ACKs cost ~40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int changedPercent = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    IngestScaleBench bench = new IngestScaleBench(feeds);
    try {
      bench.run(feeds, threads, rounds, changedPercent);
    } finally {
      bench.server.stop(0);
      ((ExecutorService) bench.server.getExecutor()).shutdownNow();
    }
  }

  private void run(int feeds, int threads, int rounds, int changedPercent) throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<FeedSpec> specs = new ArrayList<>(feeds);
    for (int i = 0; i < feeds; i++) {
      specs.add(new FeedSpec("feed-" + i, URI.create(base + "/feeds/" + i + ".xml"), FeedKind.FEED, "Bench", "en",
          Duration.ofMinutes(5), null, null, true));
    }
    IngestLimits limits = new IngestLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024, 512 * 1024, 3,
        "wirefeed-bench/0.1 (+https://github.com/wirefeed/wirefeed)", 200);
    // All feeds share one loopback host: a per-host delay would measure the delay, not ingest.
    FeedPoller poller = new FeedPoller(limits, new InMemoryFeedStateStore(), Clock.systemUTC(), Duration.ZERO);
    DocumentSink sink = new DocumentSink() {
      @Override
      public void publish(RawDocument doc) {
        published.incrementAndGet();
      }

      @Override
      public void reject(DeadLetter letter) {
        rejected.incrementAndGet();
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(threads, named("bench-poller-"));
    System.out.printf(Locale.ROOT, "%d feeds, %d poll threads, %d rounds, %d%% changed per later round, "
        + "max heap %d MiB, %d CPUs%n", feeds, threads, rounds, changedPercent,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    try {
      for (int round = 1; round <= rounds; round++) {
        if (round > 1) {
          for (int i = 0; i < feeds; i++) {
            if (i % 100 < changedPercent) {
              generation.incrementAndGet(i);
            }
          }
        }
        runRound(round, specs, poller, sink, pool);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void runRound(int round, List<FeedSpec> specs, FeedPoller poller, DocumentSink sink, ExecutorService pool)
      throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    long publishedBefore = published.get();
    long cpuBefore = os.getProcessCpuTime();
    long serverCpuBefore = serverCpu();
    AtomicInteger[] statuses = new AtomicInteger[600];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = new AtomicInteger();
    }
    AtomicInteger errors = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>(specs.size());
    for (FeedSpec spec : specs) {
      done.add(pool.submit(() -> {
        PollReport r = poller.poll(spec, sink);
        statuses[Math.min(Math.max(r.httpStatus(), 0), 599)].incrementAndGet();
        bytes.addAndGet(r.bytes());
        if (r.error() != null && errors.incrementAndGet() <= 3) {
          System.out.println("  error: " + r.feedId() + ": " + r.error());
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double serverCpu = (serverCpu() - serverCpuBefore) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "round %d: %d polls in %.2f s = %.0f polls/s | 200: %d, 304: %d, errors: %d | "
            + "articles published: %d, MiB received: %.1f%n", round, specs.size(), seconds, specs.size() / seconds,
        statuses[200].get(), statuses[304].get(), errors.get(), published.get() - publishedBefore,
        bytes.get() / 1048576.0);
    System.out.printf(Locale.ROOT, "  CPU: process %.2f s (%.0f%% of one core), of which loopback server %.2f s; "
            + "ingest ~%.2f ms CPU per poll | heap: peak %d MiB, after GC %d MiB%n", cpu, 100 * cpu / seconds,
        serverCpu, 1000 * (cpu - serverCpu) / specs.size(), peak >> 20, heapAfterGc >> 20);
  }

  /** CPU time of the live server threads (a fixed pool, so none of them dies between two samples). */
  private static long serverCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(SERVER_THREAD)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/feeds/")) {
        int feed = Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()));
        long gen = generation.get(feed);
        String etag = "\"" + feed + "-" + gen + "\"";
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
        ex.getResponseHeaders().set("ETag", etag);
        send(ex, "application/rss+xml; charset=utf-8", feed(feed, gen));
      } else if (path.startsWith("/a/")) {
        send(ex, "text/html; charset=utf-8", "<!doctype html><html><head><title>Story</title></head><body><article>"
            + "<h1>Wire story " + path + "</h1><p>GENEVA, May 1 (Bench) - Delegates met on Wednesday to discuss the "
            + "agenda, officials said.</p><p>\"We made progress,\" one of them told reporters.</p></article></body>"
            + "</html>");
      } else if (path.equals("/robots.txt")) {
        send(ex, "text/plain", "User-agent: *\nDisallow: /private/\n");
      } else {
        ex.sendResponseHeaders(404, -1);
      }
    }
  }

  /** Feed {@code n}: its items are numbered from its generation, so each generation adds one new item. */
  private static String feed(int n, long gen) {
    StringBuilder rss = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<rss version=\"2.0\"><channel><title>Bench feed ").append(n).append("</title>")
        .append("<link>http://bench.example/</link><description>generated</description>");
    for (long k = gen + ITEMS - 1; k >= gen; k--) {
      rss.append("<item><title>Story ").append(k).append(" of feed ").append(n).append("</title><link>/a/")
          .append(n).append('/').append(k).append(".html</link><guid isPermaLink=\"false\">").append(n).append('-')
          .append(k).append("</guid><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate><description>Summary of story ")
          .append(k).append("</description></item>");
    }
    return rss.append("</channel></rss>").toString();
  }

  private static void send(HttpExchange ex, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
