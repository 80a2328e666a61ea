package io.wirefeed.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** URL handling shared by the feed readers and the poller: resolving, normalizing, site matching. */
final class Links {
  /** Tracking parameters by exact (lower-case) name; prefixes are in {@link #isTracking}. */
  private static final java.util.Set<String> TRACKING = java.util.Set.of("fbclid", "gclid", "dclid", "yclid",
      "msclkid", "igshid", "mc_cid", "mc_eid", "xtor", "ocid", "cmpid", "_ga", "_gl");

  private Links() {}

  /** {@code raw} resolved against {@code base}; null when blank or not a usable URL. */
  static String resolve(URI base, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    URI uri = parse(raw.strip());
    if (uri == null) {
      return null;
    }
    if (uri.isAbsolute() || base == null) {
      return uri.toString();
    }
    try {
      if (base.isOpaque()) {
        return uri.toString();
      }
      // URI.resolve mishandles a base without a path ("http://host" + "a" gives "http://hosta").
      URI from = base.getRawPath() == null || base.getRawPath().isEmpty()
          ? new URI(base.getScheme() + "://" + base.getRawAuthority() + "/")
          : base;
      return from.resolve(uri).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return uri.toString();
    }
  }

  /** Parses a URL as found in the wild: spaces, non-ASCII and stray characters are percent-encoded. */
  static URI parse(String raw) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      try {
        return new URI(encodeUnsafe(raw));
      } catch (URISyntaxException again) {
        return null;
      }
    }
  }

  private static String encodeUnsafe(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}[]".indexOf(c) >= 0) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /**
   * The form of a link used for item keys and document ids: lower-case scheme and host, no default
   * port, no fragment, and no tracking parameters (Google's utm_*, the xtor and at_* of AT Internet that
   * French publishers such as France 24 add per feed, the BBC's ns_*, click ids), so the same story listed
   * in two feeds or shared through different campaigns keeps one id.
   */
  static String normalize(String link) {
    if (link == null) {
      return null;
    }
    URI uri = parse(link.strip());
    if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      return link.strip();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
        : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = stripTracking(uri.getRawQuery());
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query == null ? "" : "?" + query);
  }

  private static String stripTracking(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String param : rawQuery.split("&")) {
      String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!param.isEmpty() && !isTracking(name)) {
        kept.add(param);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static boolean isTracking(String name) {
    return name.startsWith("utm_") || name.startsWith("at_") || name.startsWith("ns_") || TRACKING.contains(name);
  }

  /**
   * Whether two hosts belong to one site: equal, or sharing the registrable domain, approximated as
   * the last two labels (three under a short second level such as co.uk or com.cn).
   */
  static boolean sameSite(String hostA, String hostB) {
    if (hostA == null || hostB == null) {
      return false;
    }
    String a = hostA.toLowerCase(Locale.ROOT);
    String b = hostB.toLowerCase(Locale.ROOT);
    return a.equals(b) || siteOf(a).equals(siteOf(b));
  }

  private static String siteOf(String host) {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      return host;
    }
    String[] labels = host.split("\\.");
    if (labels.length <= 2) {
      return host;
    }
    int keep = labels[labels.length - 1].length() == 2 && labels[labels.length - 2].length() <= 3 ? 3 : 2;
    keep = Math.min(keep, labels.length);
    return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
  }

  /** The first 20 hex characters of the SHA-256 of {@code text}. */
  static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
