package io.wirefeed.normalize.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the hand-written fixture pages under {@code src/test/resources/html/}. */
final class HtmlFixtures {
  private HtmlFixtures() {}

  static String read(String name) {
    try (InputStream in = HtmlFixtures.class.getResourceAsStream("/html/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture /html/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
