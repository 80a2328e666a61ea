package io.wirefeed.normalize.quote;

import io.wirefeed.model.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the direct and partial quotations of a body, with their speakers and attribution verbs, in
 * English, French, Spanish, German, Portuguese and Italian.
 *
 * <p>Pure and thread-safe: every call builds its own state. Linear in the length of the body: each
 * quotation is attributed by bounded searches around it. Bad input gives an empty list, never an
 * exception.
 */
public final class QuoteExtractor {
  public QuoteExtractor() {}

  /**
   * Quotations in reading order.
   *
   * @param paragraphs the body paragraphs (the quote's {@code paragraph} indexes this list)
   * @param language a BCP-47 code, or null to guess from the text
   */
  public List<Quote> extract(List<String> paragraphs, String language) {
    if (paragraphs == null || paragraphs.isEmpty()) {
      return List.of();
    }
    try {
      List<String> clean = new ArrayList<>(paragraphs.size());
      for (String p : paragraphs) {
        clean.add(p == null ? "" : p);
      }
      String lang = QuoteLanguage.resolve(language, clean);
      return List.copyOf(new QuoteDocument(clean, lang).read());
    } catch (RuntimeException e) {
      // A defect must not cost the whole article: it loses its quotes, nothing else.
      return List.of();
    }
  }
}
