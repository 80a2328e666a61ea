package io.wirefeed.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.WireJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 / 1.1 (jsonfeed.org) to {@link ParsedFeed}. */
final class JsonFeedReader {
  private JsonFeedReader() {}

  static ParsedFeed read(String json, URI base) {
    ObjectMapper mapper = WireJson.mapper();
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return ParsedFeed.failed("json", "malformed JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("items").isArray()) {
      return ParsedFeed.failed("json", "JSON document is not a JSON Feed (no items array)");
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      if (!item.isObject()) {
        continue;
      }
      String link = text(item, "url");
      if (link == null) {
        link = text(item, "external_url");
      }
      String summary = text(item, "summary");
      if (summary == null) {
        summary = text(item, "content_text");
      }
      if (summary == null) {
        summary = text(item, "content_html");
      }
      String published = text(item, "date_published");
      List<String> tags = new ArrayList<>();
      for (JsonNode tag : item.path("tags")) {
        if (tag.isTextual() && !tag.asText().isBlank()) {
          tags.add(tag.asText().strip());
        }
      }
      String plainSummary = HtmlText.plain(summary);
      String title = HtmlText.plainIfMarkup(text(item, "title"));
      entries.add(new FeedEntry(
          text(item, "id"),
          title != null ? title : HtmlText.titleFromSummary(plainSummary, 120),
          Links.resolve(base, link),
          W3cDates.parse(published != null ? published : text(item, "date_modified")),
          plainSummary,
          tags));
    }
    return new ParsedFeed("json", entries, null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !(v.isTextual() || v.isNumber())) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s.strip();
  }
}
