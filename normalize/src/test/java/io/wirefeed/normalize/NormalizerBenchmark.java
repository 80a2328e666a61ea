package io.wirefeed.normalize;

import io.wirefeed.model.Article;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.normalize.html.HtmlBenchPages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole normalization on one thread: a typical 5 KB plain-text wire article with page chrome (dateline,
 * credits, quotes, language, boilerplate), and generated 50-150 KB HTML news pages (extraction plus everything
 * else). Run with {@code -prof gc} for bytes allocated per article:
 * {@code java -cp target/test-classes:target/classes:CP org.openjdk.jmh.Main NormalizerBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class NormalizerBenchmark {
  private final Normalizer normalizer = new Normalizer();
  private RawDocument text;
  private List<RawDocument> pages;
  private int next;

  @Setup
  public void setUp() throws IOException {
    String body;
    try (InputStream in = NormalizerBenchmark.class.getResourceAsStream("/bench/wire-5k-fr.txt")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    FeedEntry entry = new FeedEntry(null, null, null, Instant.parse("2026-11-04T17:40:00Z"), null, List.of());
    text = new RawDocument("bench-text", "http://french.news.example/2026-11/04/c_1.htm",
        Instant.parse("2026-11-04T18:00:00Z"), 200, "text/plain; charset=utf-8", body, null, entry, null, null);
    pages = HtmlBenchPages.generate(40, 20240501L).stream()
        .map(html -> new RawDocument("bench-html", "https://news.example/2026/11/04/story.html",
            Instant.parse("2026-11-04T18:00:00Z"), 200, "text/html; charset=utf-8", html, null, null, null, null))
        .toList();
  }

  @Benchmark
  public Outcome<Article> plainTextWireArticle5k() {
    return normalizer.normalize(text);
  }

  @Benchmark
  public Outcome<Article> htmlNewsPage() {
    RawDocument page = pages.get(next);
    next = (next + 1) % pages.size();
    return normalizer.normalize(page);
  }
}
