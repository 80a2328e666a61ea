package io.wirefeed.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.WireJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Developer tool, not a test: prints what {@link FeedParser} makes of feed files, one JSON line per
 * file in the shape of {@code wirefeed feed --jsonl}, to measure the parser before the CLI exists.
 */
public final class FeedDump {
  private FeedDump() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = WireJson.mapper();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (String file : args) {
      ObjectNode line = mapper.createObjectNode();
      line.put("file", file);
      try {
        Path path = Path.of(file);
        ParsedFeed feed = FeedParser.parse(Files.readAllBytes(path), null, path.toUri());
        line.put("format", feed.format());
        ArrayNode entries = line.putArray("entries");
        for (FeedEntry e : feed.entries()) {
          ObjectNode o = entries.addObject();
          o.put("guid", e.guid());
          o.put("title", e.title());
          o.put("link", e.link());
          o.put("published", e.published() == null ? null : e.published().toString());
          o.put("summary", e.summary());
        }
        line.put("error", feed.error());
      } catch (Exception e) {
        line.putArray("entries");
        line.put("error", e.toString());
      }
      out.println(mapper.writeValueAsString(line));
    }
  }
}
