package io.wirefeed.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.model.Article;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import io.wirefeed.model.WireJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Development entry point until the app's {@code extract} command exists: RawDocument JSON lines on
 * stdin, one Article JSON line (or {@code {"rawId":..,"error":..}}) per input line on stdout.
 */
public final class DevExtract {
  private DevExtract() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = WireJson.mapper();
    Normalizer normalizer = new Normalizer();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String rawId = null;
        try {
          RawDocument raw = mapper.readValue(line, RawDocument.class);
          rawId = raw.id();
          Outcome<Article> outcome = normalizer.normalize(raw);
          if (outcome instanceof Outcome.Accepted<Article> accepted) {
            out.println(mapper.writeValueAsString(accepted.value()));
          } else if (outcome instanceof Outcome.Rejected<Article> rejected) {
            out.println(error(mapper, rawId, rejected.reason()));
          }
        } catch (Exception e) {
          out.println(error(mapper, rawId, "unreadable input: " + e.getMessage()));
        }
      }
    }
    out.flush();
  }

  private static String error(ObjectMapper mapper, String rawId, String reason) throws Exception {
    ObjectNode node = mapper.createObjectNode();
    node.put("rawId", rawId);
    node.put("error", reason);
    return mapper.writeValueAsString(node);
  }
}
