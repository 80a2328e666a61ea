package io.wirefeed.model;

import java.util.Objects;

/**
 * A quotation in the body.
 *
 * @param text the quoted words without the quote marks
 * @param speaker who said it, resolved to the fullest name the story gives; null when unknown
 * @param verb the attribution verb as printed ("a expliqué", "said"), or null
 * @param kind {@link QuoteKind#DIRECT} for a quoted sentence, {@link QuoteKind#PARTIAL} for a fragment
 * @param paragraph index of the body paragraph that holds the quote (its opening mark)
 */
public record Quote(String text, String speaker, String verb, QuoteKind kind, int paragraph) {
  public Quote {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (paragraph < 0) {
      throw new IllegalArgumentException("Invalid paragraph index: " + paragraph);
    }
  }
}
