package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirefeed.model.FeedEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
  private static final URI XINHUA = URI.create("http://www.xinhuanet.com/english/rss/worldrss.xml");

  private static ParsedFeed parse(String fixture, URI base) {
    return FeedParser.parse(Fixtures.bytes("feeds/" + fixture), null, base);
  }

  @Test
  void readsRss20WithGuidsDatesCategoriesAndPlainSummaries() {
    ParsedFeed feed = FeedParser.parse(Fixtures.withBase("feeds/xinhua-world-rss20.xml", "http://www.xinhuanet.com"),
        "application/rss+xml; charset=utf-8", XINHUA);

    assertThat(feed.error()).isNull();
    assertThat(feed.format()).isEqualTo("rss_2.0");
    assertThat(feed.entries()).hasSize(3);
    FeedEntry first = feed.entries().get(0);
    assertThat(first.guid()).isEqualTo("xinhua-20240501-c1");
    assertThat(first.title()).isEqualTo("China, Brazil pledge closer cooperation on climate, trade");
    assertThat(first.link())
        .isEqualTo("http://www.xinhuanet.com/english/20240501/c1.htm?utm_source=rss&utm_medium=feed");
    assertThat(first.published()).isEqualTo(Instant.parse("2024-05-01T01:41:00Z"));
    assertThat(first.categories()).containsExactly("World", "China");
    assertThat(first.summary()).startsWith("BEIJING, May 1 (Xinhua) -- China and Brazil").doesNotContain("<p>");
    assertThat(feed.entries().get(1).summary()).contains("\"maximum restraint\" & return to talks");
    assertThat(feed.entries().get(2).title()).isEqualTo("Kenya\u2019s central bank holds key rate at 13 pct");
  }

  @Test
  void aDocumentCutOffInsideItsLastItemKeepsTheCompleteItemsOnly() {
    String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>EFE</title>"
        + "<item><title>El Gobierno aprueba el presupuesto</title><link>https://efe.example/a1</link></item>"
        + "<item><title>Lluvias torrenciales en Valencia</title><link>https://efe.example/a2</link></item>"
        + "<item><title>La selecci\u00f3n espa\u00f1ola gana en Lis";

    ParsedFeed feed = FeedParser.parse(rss.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, XINHUA);

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).extracting(e -> e.title())
        .containsExactly("El Gobierno aprueba el presupuesto", "Lluvias torrenciales en Valencia");
  }

  @Test
  void aDocumentCutOffAfterItsLastItemKeepsThemAll() {
    String rss = "<rss version=\"2.0\"><channel><title>EFE</title>"
        + "<item><title>El Gobierno aprueba el presupuesto</title><link>https://efe.example/a1</link></item>"
        + "<item><title>Lluvias torrenciales en Valencia</title><link>https://efe.example/a2</link></item>\n";

    ParsedFeed feed = FeedParser.parse(rss.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, XINHUA);

    assertThat(feed.entries()).hasSize(2);
  }

  @Test
  void atomRelativeLinksResolveAgainstXmlBaseOfTheFeedAndTheEntry() {
    String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://www.dw.example/en/\"><title>DW</title>"
        + "<entry><title>Flooding in Bavaria</title><link href=\"germany/flooding/a-1\"/><id>urn:dw:1</id></entry>"
        + "<entry xml:base=\"/de/\"><title>Hochwasser in Bayern</title><link href=\"hochwasser/a-2\"/>"
        + "<id>urn:dw:2</id></entry>"
        + "<entry><title>Absolute</title><link href=\"https://other.example/x\"/><id>urn:dw:3</id></entry>"
        + "</feed>";

    ParsedFeed feed = FeedParser.parse(atom.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
        URI.create("https://rss.dw.example/atom/rss-en-all"));

    assertThat(feed.entries()).extracting(e -> e.link()).containsExactly(
        "https://www.dw.example/en/germany/flooding/a-1", "https://www.dw.example/de/hochwasser/a-2",
        "https://other.example/x");
  }

  @Test
  void aSitemapIndexOnItsOwnIsReportedWithItsNewestSitemap() {
    String index = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>/news-old.xml</loc><lastmod>2024-04-01</lastmod></sitemap>"
        + "<sitemap><loc>/news-new.xml</loc><lastmod>2024-05-01T08:00:00Z</lastmod></sitemap>"
        + "<sitemap><loc>/news-undated.xml</loc></sitemap></sitemapindex>";

    FeedParser.Read read = FeedParser.read(index.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
        URI.create("https://www.reuters.example/sitemap-index.xml"));
    ParsedFeed parsed = FeedParser.parse(index.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
        URI.create("https://www.reuters.example/sitemap-index.xml"));

    assertThat(read.sitemaps()).extracting(URI::toString).containsExactly(
        "https://www.reuters.example/news-new.xml", "https://www.reuters.example/news-old.xml",
        "https://www.reuters.example/news-undated.xml");
    assertThat(parsed.entries()).isEmpty();
    assertThat(parsed.error()).startsWith("a sitemap index listing 3 sitemaps")
        .endsWith("https://www.reuters.example/news-new.xml");
  }

  @Test
  void feedTitlesGoThroughTheEncodingRepair() {
    assertThat(HtmlText.plainIfMarkup("It&#146;s a \u00e2\u20ac\u0153deal\u00e2\u20ac\u009d"))
        .isEqualTo("It\u2019s a \u201cdeal\u201d");
  }

  @Test
  void resolvesRelativeLinksAgainstTheFeedUrl() {
    ParsedFeed feed = FeedParser.parse(Fixtures.withBase("feeds/xinhua-world-rss20.xml", ""), null, XINHUA);

    assertThat(feed.entries().get(2).link()).isEqualTo("http://www.xinhuanet.com/english/20240501/c3.htm");
  }

  @Test
  void readsAtom10DecodingHtmlTitlesAndXhtmlContent() {
    ParsedFeed feed = parse("afp-france24-atom10.xml", URI.create("https://www.france24.com/fr/rss"));

    assertThat(feed.format()).isEqualTo("atom_1.0");
    FeedEntry gaza = feed.entries().get(0);
    assertThat(gaza.title()).isEqualTo("Gaza : l\u2019ONU alerte sur la famine");
    assertThat(gaza.guid()).isEqualTo("tag:france24.com,2024:/fr/moyen-orient/20240501-gaza-onu-famine");
    assertThat(gaza.link()).isEqualTo("https://www.france24.com/fr/moyen-orient/20240501-gaza-onu-famine");
    assertThat(gaza.published()).isEqualTo(Instant.parse("2024-05-01T09:20:00Z"));
    assertThat(gaza.summary()).startsWith("GENÈVE, 1er mai (AFP) - L\u2019ONU").contains("« imminente »");
    assertThat(gaza.categories()).containsExactly("Moyen-Orient");
    FeedEntry senegal = feed.entries().get(1);
    assertThat(senegal.title()).isEqualTo("Le président sénégalais reçu à l'Élysée");
    assertThat(senegal.link()).isEqualTo("https://www.france24.com/fr/afrique/20240501-senegal-elysee");
    assertThat(senegal.published()).isEqualTo(Instant.parse("2024-05-01T09:05:00Z"));
    assertThat(senegal.summary()).startsWith("PARIS, 1er mai (AFP)");
  }

  @Test
  void readsRss10RdfWithDublinCoreDatesAndNullForAnInvalidOne() {
    ParsedFeed feed = parse("dw-rdf-rss10.xml", URI.create("https://rss.dw.com/rdf/rss-en-all"));

    assertThat(feed.format()).isEqualTo("rss_1.0");
    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly(
        "Germany: Coalition resumes budget talks amid spending row",
        "Ukraine grain exports rise despite Black Sea attacks");
    assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2024-05-01T10:12:00Z"));
    assertThat(feed.entries().get(1).published()).isNull();
    assertThat(feed.entries().get(1).summary()).startsWith("KYIV (Reuters)");
  }

  @Test
  void readsJsonFeed() {
    ParsedFeed feed = parse("tass-json-feed.json", URI.create("https://tass.com/world/feed.json"));

    assertThat(feed.format()).isEqualTo("json");
    assertThat(feed.entries()).hasSize(2);
    assertThat(feed.entries().get(0).guid()).isEqualTo("tass-1775431");
    assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2024-05-01T05:30:00Z"));
    assertThat(feed.entries().get(0).categories()).containsExactly("World", "Diplomacy");
    FeedEntry untitled = feed.entries().get(1);
    assertThat(untitled.guid()).isEqualTo("1775432");
    assertThat(untitled.link()).isEqualTo("https://tass.com/world/1775432");
    assertThat(untitled.title()).isEqualTo("ASTANA, May 1.");
    assertThat(untitled.published()).isNull();
  }

  @Test
  void readsGoogleNewsSitemap() {
    ParsedFeed feed = parse("reuters-news-sitemap.xml", URI.create("https://www.reuters.com/sitemap_news_index1.xml"));

    assertThat(feed.format()).isEqualTo("sitemap");
    assertThat(feed.entries()).hasSize(2);
    assertThat(feed.entries().get(0).title()).isEqualTo("EU ministers meet on energy prices as gas stocks build");
    assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2024-05-01T09:14:00Z"));
    assertThat(feed.entries().get(0).categories()).containsExactly("Europe", "Energy");
    assertThat(feed.entries().get(1).link()).isEqualTo("https://www.reuters.com/markets/asia/yen-slides-2024-05-01/");
    assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
  }

  @Test
  void readsRss091WhoseDoctypeIsDroppedNotProcessed() {
    ParsedFeed feed = parse("netscape-rss091-doctype.xml", null);

    assertThat(feed.error()).isNull();
    assertThat(feed.format()).startsWith("rss_0.91");
    assertThat(feed.entries()).extracting(FeedEntry::title)
        .containsExactly("Parliament passes budget after all-night session");
  }

  @Test
  void recoversFromJunkBeforeTheDeclarationHtmlEntitiesAndBareAmpersands() {
    ParsedFeed feed = parse("broken-entities-rss.xml", null);

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).hasSize(2);
    FeedEntry first = feed.entries().get(0);
    assertThat(first.title()).isEqualTo("Brasil e México assinam acordo comercial");
    assertThat(first.link()).isEqualTo("https://wire.example.com.br/noticia?id=10&lang=pt");
    assertThat(first.summary()).isEqualTo(
        "BRASÍLIA, 1 mai (AB) - Os presidentes assinaram o acordo AT&T © 2024 &unknownentity; fim.");
    assertThat(first.published()).isEqualTo(Instant.parse("2024-05-01T13:00:00Z"));
    assertThat(feed.entries().get(1).published()).as("unreadable date").isNull();
  }

  @Test
  void readsRssWithoutVersionOrChannelAndTitlesAnUntitledItemFromItsDescription() {
    ParsedFeed feed = parse("no-channel-no-version-rss.xml", null);

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly(
        "Strike halts trains across the region", "Only a description here: the item has no title.");
  }

  @Test
  void decodesLatin1FeedFromItsXmlDeclaration() {
    ParsedFeed feed = parse("latin1-rss.xml", null);

    assertThat(feed.entries().get(0).title()).isEqualTo("Grève à la SNCF : trafic très perturbé en Île-de-France");
    assertThat(feed.entries().get(0).summary()).contains("« importantes »");
  }

  @Test
  void neverReadsExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-TOKEN", StandardCharsets.UTF_8);
    String xml = new String(Fixtures.bytes("feeds/xxe-external-entity.xml"), StandardCharsets.UTF_8)
        .replace("{{secret}}", secret.toUri().toString());

    ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);

    assertThat(feed.entries()).allSatisfy(e -> assertThat(e.title()).doesNotContain("TOP-SECRET"));
    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("Leak: &secret;");
  }

  @Test
  void neverExpandsEntitiesBillionLaughs() {
    ParsedFeed feed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse("billion-laughs.xml", null));

    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("&lol9;");
  }

  @Test
  void reportsAnHtmlPageAsNotAFeed() {
    ParsedFeed feed = parse("not-a-feed.html", null);

    assertThat(feed.ok()).isFalse();
    assertThat(feed.error()).contains("HTML page");
    assertThat(feed.entries()).isEmpty();
  }

  @Test
  void reportsMismatchedTagsAsMalformed() {
    ParsedFeed feed = parse("mismatched-tags.xml", null);

    assertThat(feed.error()).contains("malformed XML");
    assertThat(feed.entries()).isEmpty();
  }

  @Test
  void reportsEmptyAndNonFeedDocuments() {
    assertThat(FeedParser.parse(new byte[0], null, null).error()).isEqualTo("empty document");
    assertThat(FeedParser.parse(null, null, null).error()).isEqualTo("empty document");
    assertThat(FeedParser.parse("just words".getBytes(StandardCharsets.UTF_8), null, null).error())
        .contains("not a feed");
    assertThat(FeedParser.parse("{\"title\":\"no items\"}".getBytes(StandardCharsets.UTF_8), null, null).error())
        .contains("not a JSON Feed");
    assertThat(FeedParser.parse("<catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8), null, null).error())
        .contains("root element <catalog>");
  }

  @Test
  void neverThrowsOnGarbage() {
    Random random = new Random(42);
    byte[] feed = Fixtures.withBase("feeds/xinhua-world-rss20.xml", "http://x.example");
    for (int i = 0; i < 50; i++) {
      byte[] bytes;
      if (i % 2 == 0) {
        bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
      } else {
        bytes = java.util.Arrays.copyOf(feed, random.nextInt(feed.length));
      }
      ParsedFeed parsed = FeedParser.parse(bytes, null, null);
      assertThat(parsed.ok() || !parsed.error().isBlank()).isTrue();
      if (!parsed.ok()) {
        assertThat(parsed.entries()).isEmpty();
      }
    }
  }
}
