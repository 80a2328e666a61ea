package io.wirefeed.publish;

/** Kafka header names and values wirefeed writes, so consumers can route without parsing the JSON. */
final class Headers {
  static final String CONTENT_TYPE = "content-type";
  static final String JSON = "application/json";
  static final String SCHEMA_VERSION = "wirefeed-schema-version";
  static final String AGENCY = "wirefeed-agency";
  static final String LANGUAGE = "wirefeed-language";
  static final String STAGE = "wirefeed-stage";

  private Headers() {}
}
