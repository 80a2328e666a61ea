package io.wirefeed.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Dev harness for the extraction scorer: RawDocument JSON lines in, {@code {rawId, body, headline}} lines out. */
final class HtmlDevMain {
  private HtmlDevMain() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = WireJson.mapper();
    HtmlExtractor extractor = new HtmlExtractor();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode o = mapper.createObjectNode();
      try {
        RawDocument doc = mapper.readValue(line, RawDocument.class);
        o.put("rawId", doc.id());
        ExtractedPage page = System.getenv("H_DEBUG") != null
            ? extractor.extractOrThrow(doc.body(), doc.url()) : extractor.extract(doc.body(), doc.url());
        o.put("body", String.join("\n\n", page.paragraphs()));
        o.put("headline", page.headline());
        if (args.length > 0 && args[0].equals("--meta")) {
          o.set("page", mapper.valueToTree(page));
        }
      } catch (IOException | RuntimeException e) {
        if (System.getenv("H_DEBUG") != null) {
          e.printStackTrace();
        }
        o.put("error", e.toString());
      }
      out.println(mapper.writeValueAsString(o));
    }
    out.flush();
  }
}
