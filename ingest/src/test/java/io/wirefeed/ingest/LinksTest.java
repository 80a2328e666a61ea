package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void normalizeDropsTrackingParametersFragmentAndDefaultPort() {
    assertThat(Links.normalize("HTTPS://WWW.Example.COM:443/a/b?id=7&utm_source=rss&fbclid=x&gclid=y#top"))
        .isEqualTo("https://www.example.com/a/b?id=7");
    assertThat(Links.normalize("http://example.com?utm_medium=feed")).isEqualTo("http://example.com/");
    assertThat(Links.normalize("http://example.com:8080/x")).isEqualTo("http://example.com:8080/x");
  }

  @Test
  void theSameStoryListedInTwoFeedsWithTheirOwnTrackingKeepsOneForm() {
    String fromWorld = Links.normalize("https://www.france24.com/fr/afrique/20240501-article?xtor=RSS-114&at_medium=rss");
    String fromAfrica = Links.normalize("https://www.france24.com/fr/afrique/20240501-article?xtor=RSS-109");
    String fromBbc = Links.normalize("https://www.bbc.co.uk/news/world-1?at_campaign=64&ns_mchannel=social&page=2");

    assertThat(fromWorld).isEqualTo(fromAfrica).isEqualTo("https://www.france24.com/fr/afrique/20240501-article");
    assertThat(fromBbc).as("a real parameter stays").isEqualTo("https://www.bbc.co.uk/news/world-1?page=2");
  }

  @Test
  void normalizeKeepsWhatItCannotParse() {
    assertThat(Links.normalize("  not a url  ")).isEqualTo("not a url");
    assertThat(Links.normalize(null)).isNull();
  }

  @Test
  void resolveHandlesRelativeLinksBaseWithoutPathAndUnsafeCharacters() {
    URI base = URI.create("http://www.xinhuanet.com/english/rss/worldrss.xml");
    assertThat(Links.resolve(base, "../20240501/c1.htm")).isEqualTo("http://www.xinhuanet.com/english/20240501/c1.htm");
    assertThat(Links.resolve(URI.create("http://host.example"), "news/1")).isEqualTo("http://host.example/news/1");
    assertThat(Links.resolve(base, "https://other.example/a b")).isEqualTo("https://other.example/a%20b");
    assertThat(Links.resolve(base, "  ")).isNull();
    assertThat(Links.resolve(null, "relative/only")).isEqualTo("relative/only");
  }

  @Test
  void sameSiteComparesRegistrableDomains() {
    assertThat(Links.sameSite("french.xinhuanet.com", "www.xinhuanet.com")).isTrue();
    assertThat(Links.sameSite("www.bbc.co.uk", "news.bbc.co.uk")).isTrue();
    assertThat(Links.sameSite("www.bbc.co.uk", "www.itv.co.uk")).isFalse();
    assertThat(Links.sameSite("apnews.com", "ads.example.com")).isFalse();
    assertThat(Links.sameSite("127.0.0.1", "127.0.0.1")).isTrue();
  }

  @Test
  void shortHashIsStableAnd20HexCharacters() {
    assertThat(Links.shortHash("https://www.example.com/a")).hasSize(20).matches("[0-9a-f]+")
        .isEqualTo(Links.shortHash("https://www.example.com/a"));
  }
}
