package io.wirefeed.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the test fixtures under src/test/resources. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UTF-8 fixture with {@code {{base}}} replaced, e.g. by a test server's address. */
  static byte[] withBase(String path, String base) {
    String text = new String(bytes(path), StandardCharsets.UTF_8);
    return text.replace("{{base}}", base).getBytes(StandardCharsets.UTF_8);
  }
}
