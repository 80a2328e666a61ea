package io.wirefeed.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.model.Article;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import io.wirefeed.normalize.Normalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wirefeed extract}: offline normalization of RawDocument JSON lines or of one HTML/text file. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Normalize documents offline, no Kafka: one Article JSON line out per input.",
        "With --jsonl, reads RawDocument JSON lines (FILE or - for stdin); an input that fails gives",
        "{\"rawId\":..,\"error\":..}. Otherwise normalizes one .html or .txt file."})
final class ExtractCommand implements Callable<Integer> {
  @Option(names = "--jsonl", paramLabel = "FILE|-", description = "RawDocument JSON lines; - for stdin")
  String jsonl;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "one .html or .txt file")
  Path file;

  @Option(names = "--url", paramLabel = "URL", description = "the URL the file was fetched from")
  String url;

  @Option(names = "--format", defaultValue = "article", description = "article (default) or ninjs")
  String format;

  private final ObjectMapper json = WireJson.mapper();

  @Override
  public Integer call() throws IOException {
    Normalizer normalizer = new Normalizer();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (jsonl != null) {
      try (BufferedReader in = jsonl.equals("-")
          ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          : Files.newBufferedReader(Path.of(jsonl), StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (!line.isBlank()) {
            out.println(extractLine(normalizer, line, n));
          }
        }
      }
      out.flush();
      return 0;
    }
    if (file == null) {
      System.err.println("extract: give --jsonl FILE|- or one FILE (see --help)");
      return 2;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
    String body = Files.readString(file, StandardCharsets.UTF_8);
    RawDocument raw = new RawDocument(file.getFileName().toString(), url != null ? url : file.toUri().toString(),
        Instant.now(), 200, type, body, null, null, null, null);
    out.println(render(raw.id(), normalizer.normalize(raw)));
    out.flush();
    return 0;
  }

  private String extractLine(Normalizer normalizer, String line, int lineNo) throws IOException {
    RawDocument raw;
    String id = "line-" + lineNo;
    try {
      var tree = json.readTree(line);
      if (tree.hasNonNull("id")) {
        id = tree.get("id").asText();
      }
      raw = json.treeToValue(tree, RawDocument.class);
      if (raw.fetchedAt() == null) {
        FeedEntry entry = raw.feedEntry();
        Instant when = entry != null && entry.published() != null ? entry.published() : Instant.EPOCH;
        raw = new RawDocument(raw.id(), raw.url(), when, raw.status(), raw.contentType(), raw.body(),
            raw.feedId(), entry, raw.agencyHint(), raw.languageHint());
      }
    } catch (IOException | RuntimeException e) {
      return error(id, "not a RawDocument: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return render(raw.id(), normalizer.normalize(raw));
  }

  private String render(String rawId, Outcome<Article> outcome) throws IOException {
    if (outcome instanceof Outcome.Accepted<Article> a) {
      return "ninjs".equalsIgnoreCase(format)
          ? json.writeValueAsString(Ninjs.of(a.value()))
          : json.writeValueAsString(a.value());
    }
    Outcome.Rejected<Article> r = (Outcome.Rejected<Article>) outcome;
    return error(rawId, r.stage() + ": " + r.reason());
  }

  private String error(String rawId, String reason) throws IOException {
    ObjectNode node = json.createObjectNode();
    node.put("rawId", rawId);
    node.put("error", reason);
    return json.writeValueAsString(node);
  }
}
