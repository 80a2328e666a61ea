package io.wirefeed.ingest;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;

/** Decides whether a fetched page is text worth publishing, and labels it with its real charset. */
final class TextContent {
  private static final Set<String> TEXT_APPLICATION_TYPES = Set.of(
      "application/xhtml+xml", "application/xml", "application/json", "application/ld+json",
      "application/rss+xml", "application/atom+xml", "application/feed+json");
  private static final int SNIFF_BYTES = 1024;

  private TextContent() {}

  /** Text by its declared type, or, when the type is missing or generic, by its first bytes. */
  static boolean isText(String contentType, byte[] body) {
    String type = mediaType(contentType);
    if (type.startsWith("text/") || TEXT_APPLICATION_TYPES.contains(type) || type.endsWith("+xml")) {
      return true;
    }
    if (type.isEmpty() || type.equals("application/octet-stream") || type.equals("binary/octet-stream")) {
      return looksLikeText(body);
    }
    return false;
  }

  /** {@code contentType} with its charset parameter set to the one the body was decoded with. */
  static String withCharset(String contentType, Charset charset) {
    String type = mediaType(contentType);
    return (type.isEmpty() ? "text/html" : type) + "; charset=" + charset.name().toLowerCase(Locale.ROOT);
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** No NUL byte in the first KiB: binary formats have them, text in an ASCII-compatible charset does not. */
  private static boolean looksLikeText(byte[] body) {
    boolean utf16Bom = body.length >= 2
        && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
    if (utf16Bom) {
      return true;
    }
    for (int i = 0; i < Math.min(body.length, SNIFF_BYTES); i++) {
      if (body[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
