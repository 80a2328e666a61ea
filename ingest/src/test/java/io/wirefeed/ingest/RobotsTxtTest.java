package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** robots.txt rules as RFC 9309 reads them, for the "wirefeed" crawler. */
class RobotsTxtTest {
  private static final RobotsTxt AGENCY = RobotsTxt.parse(
      new String(Fixtures.bytes("robots/agency-robots.txt"), StandardCharsets.UTF_8), "wirefeed");

  private static boolean allows(RobotsTxt rules, String url) {
    return rules.allows(URI.create(url));
  }

  @Test
  void theGroupNamingWirefeedIsUsedInsteadOfTheStarGroup() {
    assertThat(allows(AGENCY, "https://wire.example/subscribers/story-1")).isFalse();
    assertThat(allows(AGENCY, "https://wire.example/search?q=quake")).as("only the * group forbids it").isTrue();
    assertThat(allows(AGENCY, "https://wire.example/world/story.html")).isTrue();
  }

  @Test
  void severalTokensTakeTheGroupOfTheFirstOneNamedElseTheStarGroup() {
    String text = "User-agent: *\nDisallow: /a/\n\nUser-agent: wirefeed\nDisallow: /b/\n\n"
        + "User-agent: acme-monitor\nDisallow: /c/\n";

    RobotsTxt acme = RobotsTxt.parse(text, java.util.List.of("acme-monitor", "wirefeed"));
    RobotsTxt other = RobotsTxt.parse(text, java.util.List.of("other-bot", "wirefeed"));
    RobotsTxt unknown = RobotsTxt.parse(text, java.util.List.of("other-bot"));

    assertThat(allows(acme, "https://wire.example/c/1")).isFalse();
    assertThat(allows(acme, "https://wire.example/b/1")).isTrue();
    assertThat(allows(other, "https://wire.example/b/1")).isFalse();
    assertThat(allows(other, "https://wire.example/a/1")).isTrue();
    assertThat(allows(unknown, "https://wire.example/a/1")).isFalse();
  }

  @Test
  void theConfiguredUserAgentGivesTheFirstProductToken() {
    assertThat(FeedPoller.robotsAgents("Acme-Monitor/2.0 (+https://acme.example/bot)"))
        .containsExactly("acme-monitor", "wirefeed");
    assertThat(FeedPoller.robotsAgents("wirefeed/0.1 (+https://example.org/contact)")).containsExactly("wirefeed");
  }

  @Test
  void theLongestMatchingRuleWins() {
    assertThat(allows(AGENCY, "https://wire.example/subscribers/free-to-read/story")).isTrue();
    assertThat(allows(AGENCY, "https://wire.example/subscribers/free")).isFalse();
  }

  @Test
  void wildcardsMatchAnyRunAndDollarAnchorsTheEnd() {
    assertThat(allows(AGENCY, "https://wire.example/world/story?session=abc")).isFalse();
    assertThat(allows(AGENCY, "https://wire.example/world/story?session=abc&id=1")).isFalse();
    assertThat(allows(AGENCY, "https://wire.example/world/story?id=1&session=abc")).as("'?' is literal").isTrue();
    assertThat(allows(AGENCY, "https://wire.example/archive/")).isFalse();
    assertThat(allows(AGENCY, "https://wire.example/archive/2024/")).isTrue();
  }

  @Test
  void theStarGroupAppliesWhenNoGroupNamesWirefeed() {
    RobotsTxt rules = RobotsTxt.parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /*.pdf$\n",
        "wirefeed");

    assertThat(allows(rules, "http://a.example/report.pdf")).isFalse();
    assertThat(allows(rules, "http://a.example/report.pdf?download=1")).isTrue();
    assertThat(allows(rules, "http://a.example/news")).isTrue();
  }

  @Test
  void anAllowAndADisallowOfEqualLengthResolveToAllow() {
    RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "wirefeed");

    assertThat(allows(rules, "http://a.example/page")).isTrue();
  }

  @Test
  void groupsForTheSameAgentAreMergedAndVersionedTokensMatch() {
    RobotsTxt rules = RobotsTxt.parse("User-agent: WireFeed/2.0\nDisallow: /a/\n\nUser-agent: other\nDisallow: /\n\n"
        + "user-agent: wirefeed\ndisallow: /b/\n", "wirefeed");

    assertThat(allows(rules, "http://a.example/a/1")).isFalse();
    assertThat(allows(rules, "http://a.example/b/1")).isFalse();
    assertThat(allows(rules, "http://a.example/c/1")).isTrue();
  }

  @Test
  void noGroupForUsAndNoStarGroupAllowsEverything() {
    RobotsTxt rules = RobotsTxt.parse("Disallow: /orphan-rule\nUser-agent: Bingbot\nDisallow: /\n", "wirefeed");

    assertThat(allows(rules, "http://a.example/orphan-rule")).isTrue();
    assertThat(allows(rules, "http://a.example/")).isTrue();
    assertThat(rules.crawlDelay()).isNull();
  }

  @Test
  void anEmptyDisallowForbidsNothingAndRobotsTxtItselfIsAlwaysAllowed() {
    RobotsTxt open = RobotsTxt.parse("User-agent: *\nDisallow:\n", "wirefeed");
    RobotsTxt closed = RobotsTxt.parse("User-agent: *\nDisallow: /\n", "wirefeed");

    assertThat(allows(open, "http://a.example/anything")).isTrue();
    assertThat(allows(closed, "http://a.example/anything")).isFalse();
    assertThat(allows(closed, "http://a.example/robots.txt")).isTrue();
  }

  @Test
  void pathsAndPatternsAreComparedInOneSpelling() {
    RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /caf\u00e9/\nDisallow: /%7Euser/\nDisallow: /a%2fb\n",
        "wirefeed");

    assertThat(allows(rules, "http://a.example/caf%C3%A9/menu")).isFalse();
    assertThat(allows(rules, "http://a.example/~user/home")).isFalse();
    assertThat(allows(rules, "http://a.example/a%2Fb")).as("an escaped reserved character stays escaped").isFalse();
    assertThat(allows(rules, "http://a.example/a/b")).isTrue();
  }

  @Test
  void crawlDelayOfTheChosenGroupIsRead() {
    assertThat(AGENCY.crawlDelay()).isEqualTo(Duration.ofMillis(2500));
    assertThat(RobotsTxt.parse("User-agent: *\nCrawl-delay: soon\n", "wirefeed").crawlDelay()).isNull();
  }

  @Test
  void manyWildcardsCostLittle() {
    RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b$\n", "wirefeed");
    long start = System.nanoTime();

    boolean allowed = allows(rules, "http://a.example/" + "a".repeat(2000));

    assertThat(allowed).isTrue();
    // Backtracking over 200 wildcards would not finish in a lifetime; linear matching takes milliseconds.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anUnavailableFileAllowsNothing() {
    RobotsTxt unavailable = RobotsTxt.unavailable("HTTP 503");

    assertThat(unavailable.unavailable()).isEqualTo("HTTP 503");
    assertThat(allows(unavailable, "http://a.example/news")).isFalse();
  }
}
