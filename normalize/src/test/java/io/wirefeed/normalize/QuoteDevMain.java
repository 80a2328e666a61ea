package io.wirefeed.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirefeed.model.Quote;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development harness for measuring: RawDocument JSON lines in, {@code {"rawId", "quotes"}} lines
 * out. The body splitting here is deliberately crude; the real module gets clean paragraphs.
 */
final class QuoteDevMain {
  private QuoteDevMain() {}

  private static final Pattern PARAGRAPH_TAG =
      Pattern.compile("<(p|h1|h2|li)[^>]*>(.*?)</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = WireJson.mapper();
    QuoteExtractor extractor = new QuoteExtractor();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long nanos = 0;
    long bytes = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      RawDocument doc = mapper.readValue(line, RawDocument.class);
      List<String> paragraphs = paragraphs(doc);
      long t0 = CPU.getCurrentThreadCpuTime();
      List<Quote> quotes = extractor.extract(paragraphs, doc.languageHint());
      nanos += CPU.getCurrentThreadCpuTime() - t0;
      bytes += doc.body().length();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("rawId", doc.id());
      o.put("quotes", quotes);
      out.println(mapper.writeValueAsString(o));
    }
    System.err.printf(
        Locale.ROOT, "extract: %.1f ms thread CPU for %d chars%n", nanos / 1e6, bytes);
  }

  static List<String> paragraphs(RawDocument doc) {
    String body = doc.body();
    List<String> out = new ArrayList<>();
    String type = doc.contentType() == null ? "" : doc.contentType();
    if (type.contains("html") || body.trim().startsWith("<")) {
      Matcher m = PARAGRAPH_TAG.matcher(body);
      while (m.find()) {
        String text =
            TAG.matcher(m.group(2))
                .replaceAll("")
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .trim();
        if (!text.isEmpty()) {
          out.add(text);
        }
      }
    } else {
      String[] parts = body.split("\\n");
      for (String p : parts) {
        String t = p.trim();
        if (!t.isEmpty()) {
          out.add(t.replace('\n', ' '));
        }
      }
    }
    if (!out.isEmpty() && out.get(0).length() < 150 && !out.get(0).endsWith(".")) {
      out.remove(0);
    }
    return out;
  }
}
