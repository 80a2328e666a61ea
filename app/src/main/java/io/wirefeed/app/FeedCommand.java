package io.wirefeed.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.ingest.FeedParser;
import io.wirefeed.ingest.ParsedFeed;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wirefeed feed}: parse feed documents offline and print their entries. */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = {"Parse feed documents (RSS 0.9x-2.0, RSS 1.0/RDF, Atom, JSON Feed, news sitemaps) from files",
        "or URLs and print their entries. With --jsonl: one JSON object per input,",
        "{\"file\", \"format\", \"entries\": [{guid, title, link, published, summary}], \"error\"};",
        "a document that is not a feed gives an error, never a stack trace."})
final class FeedCommand implements Callable<Integer> {
  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @Option(names = "--jsonl", description = "print one JSON object per input")
  boolean jsonl;

  @Parameters(arity = "1..*", paramLabel = "FILE|URL")
  List<String> inputs;

  private final ObjectMapper json = WireJson.mapper();

  @Override
  public Integer call() throws IOException {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (String input : inputs) {
      ParsedFeed parsed;
      try {
        parsed = parse(input);
      } catch (IOException | RuntimeException e) {
        parsed = new ParsedFeed(null, List.of(), "cannot read " + input + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
      if (jsonl) {
        out.println(json.writeValueAsString(toJson(input, parsed)));
      } else {
        print(out, input, parsed);
      }
    }
    out.flush();
    return 0;
  }

  private ParsedFeed parse(String input) throws IOException, InterruptedException {
    if (input.startsWith("http://") || input.startsWith("https://")) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(input)).timeout(Duration.ofSeconds(30))
          .header("User-Agent", "wirefeed/0.1 (feed command)").build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          return new ParsedFeed(null, List.of(), "larger than " + MAX_BYTES + " bytes");
        }
        if (response.statusCode() >= 400) {
          return new ParsedFeed(null, List.of(), "HTTP " + response.statusCode());
        }
        return FeedParser.parse(bytes, response.headers().firstValue("Content-Type").orElse(null),
            response.uri());
      }
    }
    Path path = Path.of(input);
    if (Files.size(path) > MAX_BYTES) {
      return new ParsedFeed(null, List.of(), "larger than " + MAX_BYTES + " bytes");
    }
    return FeedParser.parse(Files.readAllBytes(path), null, path.toAbsolutePath().toUri());
  }

  private ObjectNode toJson(String input, ParsedFeed parsed) {
    ObjectNode node = json.createObjectNode();
    node.put("file", input);
    node.put("format", parsed.format());
    ArrayNode entries = node.putArray("entries");
    for (FeedEntry e : parsed.entries()) {
      ObjectNode o = entries.addObject();
      o.put("guid", e.guid());
      o.put("title", e.title());
      o.put("link", e.link());
      o.put("published", e.published() == null ? null : e.published().toString());
      o.put("summary", e.summary());
    }
    node.put("error", parsed.error());
    return node;
  }

  private static void print(PrintStream out, String input, ParsedFeed parsed) {
    if (parsed.error() != null) {
      out.println(input + ": error: " + parsed.error());
      return;
    }
    out.println(input + ": " + parsed.format() + ", " + parsed.entries().size() + " entries");
    for (FeedEntry e : parsed.entries()) {
      out.println("  " + (e.published() == null ? "-" : e.published()) + "  " + e.title());
      out.println("      " + e.link());
    }
  }
}
