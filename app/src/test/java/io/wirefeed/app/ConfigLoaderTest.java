package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirefeed.ingest.FeedKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void loadsFeedsAndOverlaysTheDefaults() throws Exception {
    Path file = write("""
        kafka:
          topicPrefix: test.
        feeds:
          - id: xinhua-fr
            url: http://french.xinhuanet.com/
            kind: html
            agency: Xinhua
            language: fr
            linkPattern: "c_\\\\d+\\\\.htm"
            interval: 15m
        """);
    WirefeedConfig c = ConfigLoader.load(file, Map.of());
    assertThat(c.kafka().topicPrefix()).isEqualTo("test.");
    assertThat(c.kafka().embedded()).isTrue();
    assertThat(c.ingest().maxRedirects()).isEqualTo(5);
    assertThat(c.feeds()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FeedKind.HTML);
      assertThat(f.interval()).isEqualTo(Duration.ofMinutes(15));
      assertThat(f.agency()).isEqualTo("Xinhua");
    });
  }

  @Test
  void environmentOverridesTheFile() throws Exception {
    Path file = write("kafka:\n  bootstrapServers: file:9092\n");
    WirefeedConfig c = ConfigLoader.load(file, Map.of(
        "WIREFEED_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "WIREFEED_INGEST_READ_TIMEOUT", "3s"));
    assertThat(c.kafka().bootstrapServers()).isEqualTo("env:9092");
    assertThat(c.kafka().embedded()).isFalse();
    assertThat(c.ingest().readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    Path file = write("""
        kafka:
          partitions: lots
        ingest:
          readTimeout: soon
        feeds:
          - id: "bad id!"
            url: ftp://example.org/feed
            interval: never
          - id: ok
            url: https://example.org/rss
          - id: ok
            url: https://example.org/rss2
          - id: section
            url: https://example.org/news
            kind: HTML
        """);
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(ConfigLoader.ConfigException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("kafka.partitions"))
            .anyMatch(p -> p.startsWith("ingest.readTimeout"))
            .anyMatch(p -> p.startsWith("feeds[0].id"))
            .anyMatch(p -> p.startsWith("feeds[0].url"))
            .anyMatch(p -> p.startsWith("feeds[0].interval"))
            .anyMatch(p -> p.contains("duplicate id 'ok'"))
            .anyMatch(p -> p.contains("needs linkSelector or linkPattern")));
  }

  @Test
  void bundledRunConfigurationIsValidAndListsAgencyFeeds() throws Exception {
    WirefeedConfig c = ConfigLoader.load(ServiceRunner.bundledRunConfig(), Map.of());
    assertThat(c.feeds()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(c.feeds()).extracting(f -> f.agency()).contains("Xinhua", "TASS", "AFP", "AP");
    assertThat(c.feeds()).allSatisfy(f -> assertThat(f.allowPrivateAddresses()).isFalse());
  }

  @Test
  void readsRoutingRulesAndRejectsBadOnes() throws Exception {
    Path file = write("""
        routes:
          - {field: language, value: fr, topic: wirefeed.articles.fr.v1}
          - {field: agency, value: AFP, topic: wirefeed.articles.afp.v1}
        """);
    assertThat(ConfigLoader.load(file, Map.of()).routes()).containsExactly(
        new WirefeedConfig.Route("language", "fr", "wirefeed.articles.fr.v1"),
        new WirefeedConfig.Route("agency", "AFP", "wirefeed.articles.afp.v1"));
    Path bad = write("""
        routes:
          - {field: mood, value: happy, topic: "no spaces allowed"}
        """);
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOfSatisfying(ConfigLoader.ConfigException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("routes[0].field"))
            .anyMatch(p -> p.startsWith("routes[0].topic")));
  }

  @Test
  void theUserAgentMustNameWirefeedAndAContact() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WIREFEED_INGEST_USER_AGENT", "acme-monitor/1.0")))
        .isInstanceOfSatisfying(ConfigLoader.ConfigException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("ingest.userAgent: must name wirefeed and a contact")));
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WIREFEED_INGEST_USER_AGENT", "wirefeed/0.1")))
        .isInstanceOf(ConfigLoader.ConfigException.class);

    String own = "acme-monitor/1.0 (wirefeed; +https://acme.example/bot)";
    assertThat(ConfigLoader.load(null, Map.of("WIREFEED_INGEST_USER_AGENT", own)).ingest().userAgent())
        .isEqualTo(own);
    assertThat(ConfigLoader.load(null, Map.of("WIREFEED_INGEST_USER_AGENT", "wirefeed/0.1 (ops@acme.example)"))
        .ingest().userAgent()).isEqualTo("wirefeed/0.1 (ops@acme.example)");
  }

  @Test
  void theConnectionLimitPerHostDefaultsToTwoAndIsBounded() throws Exception {
    assertThat(ConfigLoader.load(null, Map.of()).ingest().maxConnectionsPerHost()).isEqualTo(2);
    assertThat(ConfigLoader.load(null, Map.of("WIREFEED_INGEST_MAX_CONNECTIONS_PER_HOST", "4")).ingest()
        .maxConnectionsPerHost()).isEqualTo(4);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WIREFEED_INGEST_MAX_CONNECTIONS_PER_HOST", "0")))
        .isInstanceOfSatisfying(ConfigLoader.ConfigException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("ingest.maxConnectionsPerHost")));
  }

  @Test
  void envNamesAreUpperSnakeCase() {
    assertThat(ConfigLoader.envName("kafka.bootstrapServers")).isEqualTo("WIREFEED_KAFKA_BOOTSTRAP_SERVERS");
    assertThat(ConfigLoader.envName("ingest.maxPageBytes")).isEqualTo("WIREFEED_INGEST_MAX_PAGE_BYTES");
  }

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("wirefeed.yaml");
    Files.writeString(f, yaml);
    return f;
  }
}
