package io.wirefeed.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt that apply to one crawler (RFC 9309): the groups naming its product token,
 * else the {@code *} groups; Allow/Disallow with {@code *} and {@code $}; the longest pattern wins and
 * Allow wins a tie. Also the non-standard Crawl-delay of those groups. A robots.txt that could not be
 * read is represented too ({@link #unavailable()}): it allows nothing for now.
 */
final class RobotsTxt {
  /** What a missing robots.txt (4xx) means: everything is allowed. */
  static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null, null);
  /** Bounds the work a hostile file can cause: rules kept per crawler, and pattern length. */
  private static final int MAX_RULES = 1000;
  private static final int MAX_PATTERN = 1024;

  private record Rule(String pattern, boolean allow) {}

  private final List<Rule> rules;
  private final Duration crawlDelay;
  private final String unavailable;

  private RobotsTxt(List<Rule> rules, Duration crawlDelay, String unavailable) {
    this.rules = rules;
    this.crawlDelay = crawlDelay;
    this.unavailable = unavailable;
  }

  /** A robots.txt that could not be read (5xx, 429, network error): nothing may be fetched for now. */
  static RobotsTxt unavailable(String reason) {
    return new RobotsTxt(List.of(), null, reason);
  }

  /** The rules of {@code text} for the crawler whose product token is {@code agent} (e.g. "wirefeed"). */
  static RobotsTxt parse(String text, String agent) {
    return parse(text, List.of(agent));
  }

  /**
   * The rules of {@code text} for a crawler answering to several product tokens, most specific first: the
   * groups of the first token that has any, else the {@code *} groups.
   */
  static RobotsTxt parse(String text, List<String> agents) {
    Parsed last = null;
    for (String agent : agents) {
      last = parseFor(text, agent);
      if (last.own()) {
        return last.robots();
      }
    }
    return last == null ? parseFor(text, "*").robots() : last.robots();
  }

  /** The rules for one token, and whether they came from groups naming it (rather than {@code *}). */
  private record Parsed(RobotsTxt robots, boolean own) {}

  private static Parsed parseFor(String text, String agent) {
    String token = agent.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean mineFound = false;
    boolean starFound = false;
    Duration mineDelay = null;
    Duration starDelay = null;
    // The group being read: which crawlers it names, and whether its rules have started.
    boolean groupMine = false;
    boolean groupStar = false;
    boolean inRules = true;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "user-agent":
          if (inRules) {
            groupMine = false;
            groupStar = false;
            inRules = false;
          }
          String named = productToken(value);
          groupMine |= named.equals(token);
          groupStar |= named.equals("*");
          mineFound |= named.equals(token);
          starFound |= named.equals("*");
          break;
        case "allow":
        case "disallow":
          inRules = true;
          if (value.isEmpty() || value.length() > MAX_PATTERN) {
            continue;
          }
          Rule rule = new Rule(canonical(value.startsWith("/") || value.startsWith("*") ? value : "/" + value),
              key.equals("allow"));
          add(groupMine ? mine : null, rule);
          add(groupStar ? star : null, rule);
          break;
        case "crawl-delay":
          inRules = true;
          Duration d = seconds(value);
          if (d != null && groupMine) {
            mineDelay = mineDelay == null || d.compareTo(mineDelay) > 0 ? d : mineDelay;
          }
          if (d != null && groupStar) {
            starDelay = starDelay == null || d.compareTo(starDelay) > 0 ? d : starDelay;
          }
          break;
        default:
          // Sitemap and unknown keys neither start nor end a group.
          break;
      }
    }
    if (!mineFound && !starFound) {
      return new Parsed(ALLOW_ALL, false);
    }
    List<Rule> chosen = mineFound ? mine : star;
    // Most octets first; at equal length Allow first: the first match is then the one that counts.
    chosen.sort(Comparator.comparingInt((Rule r) -> r.pattern().length()).reversed()
        .thenComparing(r -> !r.allow()));
    return new Parsed(new RobotsTxt(List.copyOf(chosen), mineFound ? mineDelay : starDelay, null), mineFound);
  }

  /** Why the file could not be read, or null when it was. */
  String unavailable() {
    return unavailable;
  }

  /** The Crawl-delay asked of this crawler, or null. */
  Duration crawlDelay() {
    return crawlDelay;
  }

  /** Whether this crawler may fetch {@code uri} (path and query are matched; /robots.txt always may). */
  boolean allows(URI uri) {
    if (unavailable != null) {
      return false;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (path.equals("/robots.txt")) {
      return true;
    }
    String target = canonical(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    for (Rule r : rules) {
      if (matches(r.pattern(), target)) {
        return r.allow();
      }
    }
    return true;
  }

  private static void add(List<Rule> group, Rule rule) {
    if (group != null && group.size() < MAX_RULES) {
      group.add(rule);
    }
  }

  /** "wirefeed/1.0 (+https://...)" names the crawler "wirefeed"; tokens are letters, '_' and '-'. */
  static String productToken(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.startsWith("*")) {
      return "*";
    }
    int end = 0;
    while (end < v.length() && (Character.isLetter(v.charAt(end)) || v.charAt(end) == '_' || v.charAt(end) == '-')) {
      end++;
    }
    return v.substring(0, end);
  }

  private static Duration seconds(String value) {
    try {
      double s = Double.parseDouble(value);
      return s >= 0 && s < 86_400 ? Duration.ofMillis((long) (s * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * One spelling for paths and patterns (RFC 9309 2.2.2): non-ASCII and control characters
   * percent-encoded as UTF-8, escapes of unreserved characters decoded, other escapes upper-cased.
   */
  static String canonical(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        int b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (isUnreserved(b)) {
          out.append((char) b);
        } else {
          out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else if (c <= 0x20 || c >= 0x7f) {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code pattern} matches {@code path} from its start: '*' is any run of characters, a final
   * '$' anchors at the end, and otherwise matching a prefix is enough. Backtracks to the last '*' only,
   * so the cost is at most the product of the two lengths.
   */
  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    int pi = 0;
    int si = 0;
    int starP = -1;
    int starS = 0;
    while (si < path.length()) {
      if (pi == p.length() && !anchored) {
        return true;
      }
      if (pi < p.length() && p.charAt(pi) == '*') {
        starP = pi++;
        starS = si;
      } else if (pi < p.length() && p.charAt(pi) == path.charAt(si)) {
        pi++;
        si++;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isUnreserved(int b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_'
        || b == '~';
  }
}
