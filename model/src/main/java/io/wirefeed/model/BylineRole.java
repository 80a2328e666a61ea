package io.wirefeed.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a named person did for a story, as the copy's byline or trailer says. */
public enum BylineRole {
  WRITER,
  REPORTING,
  ADDITIONAL_REPORTING,
  WRITING,
  EDITING,
  PHOTO,
  CONTRIBUTOR;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
