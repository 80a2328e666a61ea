package io.wirefeed.normalize;

import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rough throughput harness (not JMH): RawDocument JSON lines on stdin, warmed up, then thread CPU
 * time and bytes allocated per article for the quote extractor alone.
 */
final class QuoteBenchMain {
  private QuoteBenchMain() {}

  public static void main(String[] args) throws Exception {
    String language = args.length > 0 ? args[0] : null;
    List<List<String>> docs = new ArrayList<>();
    long chars = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          RawDocument doc = WireJson.mapper().readValue(line, RawDocument.class);
          List<String> paragraphs = QuoteDevMain.paragraphs(doc);
          docs.add(paragraphs);
          for (String p : paragraphs) {
            chars += p.length();
          }
        }
      }
    }
    QuoteExtractor extractor = new QuoteExtractor();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long quotes = 0;
    for (int warm = 0; warm < 5; warm++) {
      for (List<String> d : docs) {
        quotes += extractor.extract(d, language).size();
      }
    }
    int passes = Integer.getInteger("passes", 10);
    long articles = (long) passes * docs.size();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long bytes0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int pass = 0; pass < passes; pass++) {
      for (List<String> d : docs) {
        quotes += extractor.extract(d, language).size();
      }
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes0;
    System.out.printf(
        Locale.ROOT,
        "%d articles (%.1f KB avg): %.3f ms CPU and %.0f KB allocated per article, %.0f articles/s"
            + " (%d quotes)%n",
        articles,
        chars / 1024.0 / docs.size(),
        cpu / 1e6 / articles,
        bytes / 1024.0 / articles,
        articles / (cpu / 1e9),
        quotes);
  }
}
