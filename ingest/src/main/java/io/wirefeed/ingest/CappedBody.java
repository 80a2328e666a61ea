package io.wirefeed.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A response body read up to a cap while it streams (past the cap reading stops, so a huge body is never
 * held in memory, and the body either fails or ends truncated), then its Content-Encoding undone with a cap
 * on the decompressed size.
 */
final class CappedBody {
  /** The body went past its cap. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long cap) {
      super("body exceeds " + cap + " bytes", null, false, false);
    }
  }

  /**
   * What was read.
   *
   * @param complete true when the stream was read to its end (the connection can be reused)
   */
  record Read(byte[] bytes, boolean complete) {}

  private static final int BUFFER = 16 * 1024;

  private CappedBody() {}

  /**
   * Reads {@code in} up to {@code cap} bytes.
   *
   * @param truncate true to end with the first {@code cap} bytes, false to fail with {@link TooLarge}
   * @param declaredLength the Content-Length, or -1: a declared size above the cap fails at once
   * @param wire counts every byte received, kept or not, so a poll's report is right even when it fails
   */
  static Read read(InputStream in, long cap, boolean truncate, long declaredLength, AtomicLong wire)
      throws IOException, TooLarge {
    if (!truncate && declaredLength > cap) {
      throw new TooLarge(cap);
    }
    int expected = declaredLength >= 0 ? (int) Math.min(declaredLength, cap) : BUFFER;
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, expected));
    byte[] buffer = new byte[(int) Math.min(BUFFER, cap + 1)];
    long received = 0;
    int n;
    // One byte more than the room left: enough to tell "exactly at the cap" from "past it".
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, cap - received + 1))) != -1) {
      wire.addAndGet(n);
      long room = cap - received;
      if (n > room) {
        if (!truncate) {
          throw new TooLarge(cap);
        }
        out.write(buffer, 0, (int) room);
        return new Read(out.toByteArray(), false);
      }
      out.write(buffer, 0, n);
      received += n;
    }
    return new Read(out.toByteArray(), true);
  }

  /** Undoes {@code contentEncoding} (null: none), refusing to inflate past {@code cap} (a compression bomb). */
  static byte[] decode(String contentEncoding, byte[] raw, long cap, URI uri, int status) throws FetchException {
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    try {
      switch (encoding) {
        case "":
        case "identity":
          return raw;
        case "gzip":
        case "x-gzip":
          return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), cap, uri);
        case "deflate":
          return inflateDeflate(raw, cap, uri);
        default:
          throw new FetchException("unsupported Content-Encoding '" + encoding + "' at " + uri, status, null);
      }
    } catch (IOException e) {
      throw new FetchException("corrupt " + encoding + " body at " + uri, status, e);
    }
  }

  /** "deflate" is zlib-wrapped by the RFC but raw in some servers: try both. */
  private static byte[] inflateDeflate(byte[] raw, long cap, URI uri) throws IOException, FetchException {
    try {
      return inflate(raw, false, cap, uri);
    } catch (ZipException e) {
      return inflate(raw, true, cap, uri);
    }
  }

  private static byte[] inflate(byte[] raw, boolean nowrap, long cap, URI uri) throws IOException, FetchException {
    Inflater inflater = new Inflater(nowrap);
    try {
      return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), inflater), cap, uri);
    } finally {
      // A stream given its own Inflater leaves it open: free its native memory now, not at GC.
      inflater.end();
    }
  }

  private static byte[] inflate(InputStream in, long cap, URI uri) throws IOException, FetchException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > cap) {
          throw new FetchException("decompressed body exceeds " + cap + " bytes (compression bomb?) at " + uri, 200,
              null);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
