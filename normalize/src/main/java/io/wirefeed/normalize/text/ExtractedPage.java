package io.wirefeed.normalize.text;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an extractor recovers from one page before the wire-copy fields are parsed: headline, body
 * paragraphs and the page's own metadata. Every field may be null except the lists.
 */
public record ExtractedPage(String headline, String summary, List<String> paragraphs, Instant published, Instant modified,
    List<String> authors, String canonicalUrl, String siteName, String leadImage, String declaredLanguage,
    List<String> categories) {

  public ExtractedPage {
    paragraphs = copy(paragraphs);
    authors = copy(authors);
    categories = copy(categories);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
