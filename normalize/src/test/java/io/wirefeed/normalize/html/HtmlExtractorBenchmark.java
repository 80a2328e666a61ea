package io.wirefeed.normalize.html;

import io.wirefeed.normalize.text.ExtractedPage;
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
 * Time to extract one generated 50-150 KB news page, parse included, on one thread; sampled so the report gives
 * the median per page. Run: {@code java -cp target/test-classes:target/classes:CP org.openjdk.jmh.Main
 * HtmlExtractorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class HtmlExtractorBenchmark {
  private final HtmlExtractor extractor = new HtmlExtractor();
  private List<String> pages;
  private int next;

  @Setup
  public void setUp() {
    pages = HtmlBenchPages.generate(40, 20240501L);
  }

  @Benchmark
  public ExtractedPage extractOnePage() {
    String page = pages.get(next);
    next = (next + 1) % pages.size();
    return extractor.extract(page, "https://dailywire.example/story/1");
  }
}
