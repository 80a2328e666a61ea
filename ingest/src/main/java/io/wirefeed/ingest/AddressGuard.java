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
 * <p>DNS rebinding: {@link #check} only decides whether a hop is worth trying (and refuses it before
 * robots.txt or the throttle are involved). The connection itself does not trust that answer: the
 * {@link HttpTransport} resolves the name through {@link #addresses}, which runs the same rules
 * on that one answer and hands back exactly the addresses it checked, so the socket can only connect to a
 * checked address, however the name resolves in between. Through a proxy the proxy resolves the target,
 * and only {@link #check} applies to it.
 */
final class AddressGuard {
  /** Name resolution, replaceable in tests; used both by the check and by the connection. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A name that resolves to an address the feed may not reach. An {@link UnknownHostException} because that
   * is what a connection's name resolution may throw; the message is the reason given to the operator.
   */
  static final class NonPublicAddress extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    NonPublicAddress(String host, InetAddress address) {
      super("refused: " + host + " resolves to non-public address " + address.getHostAddress()
          + " (feed does not allow private addresses)");
    }
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
    try {
      addresses(host, false);
    } catch (NonPublicAddress e) {
      throw new FetchException(e.getMessage());
    } catch (UnknownHostException e) {
      throw new FetchException("unknown host: " + unbracketed(host));
    }
  }

  /**
   * Resolves {@code host} once and returns exactly that answer, after checking every address of it unless
   * {@code allowPrivate}: the addresses a connection may use.
   *
   * @throws NonPublicAddress if any address is not public and the feed does not allow that
   */
  InetAddress[] addresses(String host, boolean allowPrivate) throws UnknownHostException {
    String name = unbracketed(host);
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(name);
    }
    addresses = addresses.clone();
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw new NonPublicAddress(name, address);
        }
      }
    }
    return addresses;
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
