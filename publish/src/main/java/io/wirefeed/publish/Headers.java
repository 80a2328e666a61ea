package io.wirefeed.publish;

import io.wirefeed.model.Article;

/** Kafka header names and values wirefeed writes, so consumers can route without parsing the JSON. */
final class Headers {
  static final String CONTENT_TYPE = "content-type";
  static final String JSON = "application/json";
  static final String SCHEMA_VERSION = "wirefeed-schema-version";
  static final String AGENCY = "wirefeed-agency";
  static final String LANGUAGE = "wirefeed-language";
  static final String STAGE = "wirefeed-stage";
  static final String SPEAKER = "wirefeed-speaker";

  private Headers() {}

  /**
   * The agency an article is filed under: the one that wrote it, else its dateline's. The agency header, the
   * quote records and agency routes all use this one answer, so filtering on any of them agrees.
   */
  static String agency(Article a) {
    if (a.source() != null && a.source().agency() != null && !a.source().agency().isBlank()) {
      return a.source().agency();
    }
    return a.dateline() == null ? null : a.dateline().agency();
  }
}
