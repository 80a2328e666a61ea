package io.wirefeed.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses to fetch from addresses that are not public (loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, unspecified) unless the feed allows it. The check runs on the
 * resolved addresses of every hop, redirects included, so neither a DNS name nor a redirect can
 * point the fetcher at an internal service.
 *
 * <p>Known gap: the HTTP client resolves the name again when it connects; a DNS answer that changes
 * in between (rebinding) is not caught. java.net.http offers no way to pin the checked address.
 */
final class AddressGuard {
  /** Name resolution, replaceable in tests. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  AddressGuard(Resolver resolver) {
    this.resolver = resolver;
  }

  static AddressGuard system() {
    return new AddressGuard(InetAddress::getAllByName);
  }

  /** Throws unless {@code uri} is http(s) with a host whose every address may be fetched. */
  void check(URI uri, boolean allowPrivate) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("refused: unsupported scheme in " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException("refused: no host in " + uri);
    }
    if (allowPrivate) {
      return;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException("unknown host: " + host);
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw new FetchException("refused: " + host + " resolves to non-public address "
            + address.getHostAddress() + " (feed does not allow private addresses)");
      }
    }
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean thisNetwork = first == 0;
      boolean carrierNat = first == 100 && second >= 64 && second <= 127;
      boolean benchmarking = first == 198 && (second == 18 || second == 19);
      boolean reserved = first >= 240;
      return !(thisNetwork || carrierNat || benchmarking || reserved);
    }
    if (a instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mappedOrCompat = isMappedIpv4(b);
      return !uniqueLocal && !mappedOrCompat;
    }
    return false;
  }

  /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d: refused rather than unwrapped and re-judged. */
  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }
}
