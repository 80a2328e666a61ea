package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a quote is a whole quoted statement or a fragment quoted inside a sentence. */
public enum QuoteKind {
  DIRECT,
  PARTIAL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
