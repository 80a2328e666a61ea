package io.wirefeed.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Article;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.Outcome;
import io.wirefeed.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private static final Normalizer NORMALIZER = new Normalizer();
  private static final Instant FETCHED = Instant.parse("2019-10-18T10:00:00Z");
  private static final String STORY = "LONDON, Oct 18 (Reuters) - Sterling fell to a two-week low against the dollar "
      + "on Friday after negotiators failed to reach a deal, traders said.\n\n"
      + "The pound was last down 0.6% at $1.2780.\n";

  @Test
  void rejectsAnEmptyBody() {
    assertThat(reason(raw("text/plain", "  \n\t "))).isEqualTo("empty body");
  }

  @Test
  void rejectsBinaryContent() {
    String binary = new String(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24},
        StandardCharsets.ISO_8859_1).repeat(50);

    assertThat(reason(raw("text/plain", binary))).startsWith("binary content");
  }

  @Test
  void repairsUtf8ThatWasDecodedTwiceBeforeReadingTheStory() {
    String story = "PARIS, 18 oct (AFP) - Le pr\u00e9sident Fran\u00e7ois Hollande a d\u00e9clar\u00e9 vendredi : "
        + "\u00ab Nous ne c\u00e9derons pas \u00bb, a-t-il dit devant la presse.\n\nLa d\u00e9cision sera connue lundi.\n";
    String broken = new String(story.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("windows-1252"));

    Article a = accepted(raw("text/plain; charset=utf-8", broken));

    assertThat(a.body()).contains("Le pr\u00e9sident Fran\u00e7ois Hollande").doesNotContain("\u00c3");
    assertThat(a.dateline().place()).isEqualToIgnoringCase("Paris");
    assertThat(a.quotes()).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo("Nous ne c\u00e9derons pas"));
  }

  @Test
  void rejectsUnsupportedContentTypes() {
    assertThat(reason(raw("image/png", STORY))).isEqualTo("unsupported content type: image/png");
  }

  @Test
  void rejectsAPageWithoutText() {
    assertThat(reason(raw("text/html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")))
        .isEqualTo("no text found in the HTML page");
  }

  @Test
  void rejectsNothingAtAll() {
    assertThat(NORMALIZER.normalize(null)).isInstanceOf(Outcome.Rejected.class);
  }

  @Test
  void fillsEveryFieldOfTheArticle() {
    RawDocument raw = new RawDocument("raw-1", "https://www.reuters.com/article/sterling", FETCHED, 200,
        "text/plain; charset=utf-8", STORY, "reuters-uk",
        new FeedEntry("g1", "Sterling slides", "https://www.reuters.com/article/sterling",
            Instant.parse("2019-10-18T09:12:00Z"), "<p>Sterling <b>slides</b> as talks stall</p>", List.of("Markets")),
        null, null);

    Article a = accepted(raw);

    assertThat(a.id()).hasSize(20).isEqualTo(sha256("https://www.reuters.com/article/sterling").substring(0, 20));
    assertThat(a.version()).isEqualTo(1);
    assertThat(a.rawId()).isEqualTo("raw-1");
    assertThat(a.url()).isEqualTo("https://www.reuters.com/article/sterling");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.headline()).isEqualTo("Sterling slides");
    assertThat(a.summary()).isEqualTo("Sterling slides as talks stall");
    assertThat(a.body()).startsWith("Sterling fell").endsWith("at $1.2780.");
    assertThat(a.paragraphs()).hasSize(2);
    assertThat(a.dateline().place()).isEqualTo("London");
    assertThat(a.source().agency()).isEqualTo("Reuters");
    assertThat(a.source().site()).isEqualTo("www.reuters.com");
    assertThat(a.published()).isEqualTo(Instant.parse("2019-10-18T09:12:00Z"));
    assertThat(a.fetchedAt()).isEqualTo(FETCHED);
    assertThat(a.categories()).containsExactly("Markets");
    assertThat(a.contentHash()).isEqualTo(sha256(a.body()));
  }

  @Test
  void givesTheSameIdToTheSameStoryFetchedTwice() {
    Article first = accepted(raw("text/plain", STORY));
    Article again = accepted(new RawDocument("raw-2", first.url(), FETCHED.plusSeconds(3_600), 200, "text/plain",
        STORY + "\nThe Bank of England meets next week.\n", null, null, null, null));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.contentHash()).isNotEqualTo(first.contentHash());
  }

  @Test
  void fallsBackOnTheRawIdForTheArticleId() {
    RawDocument raw = new RawDocument("only-an-id", null, FETCHED, 0, null, STORY, null, null, null, null);

    assertThat(accepted(raw).id()).isEqualTo(sha256("only-an-id").substring(0, 20));
  }

  @Test
  void sniffsHtmlWhenTheContentTypeIsMissing() {
    String html = "<html><head><title>Airbus beats target | Reuters</title></head><body><article>"
        + "<p>PARIS, Jan 9 (Reuters) - Airbus delivered 735 jets in 2023, beating its target.</p></article></body></html>";

    Article a = accepted(raw(null, html));

    assertThat(a.headline()).isEqualTo("Airbus beats target");
    assertThat(a.body()).isEqualTo("Airbus delivered 735 jets in 2023, beating its target.");
    assertThat(a.dateline().agency()).isEqualTo("Reuters");
  }

  @Test
  void takesTheAgencyFromTheFeedWhenTheCopyNamesNone() {
    RawDocument raw = new RawDocument("r", "https://www.example.org/a", FETCHED, 200, "text/plain",
        "The council approved the budget on Monday after a long debate, officials said.", null, null,
        "Agence France-Presse", "fr");

    assertThat(accepted(raw).source().agency()).isEqualTo("AFP");
  }

  @Test
  void usesTheFetchTimeToDateTheDatelineWithoutAFeedEntry() {
    Article a = accepted(raw("text/plain", STORY));

    assertThat(a.dateline().date()).isEqualTo(java.time.LocalDate.of(2019, 10, 18));
  }

  private static RawDocument raw(String contentType, String body) {
    return new RawDocument("raw", "https://www.reuters.com/article/x", FETCHED, 200, contentType, body, null, null,
        null, null);
  }

  private static Article accepted(RawDocument raw) {
    Outcome<Article> outcome = NORMALIZER.normalize(raw);
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((Outcome.Accepted<Article>) outcome).value();
  }

  private static String reason(RawDocument raw) {
    Outcome<Article> outcome = NORMALIZER.normalize(raw);
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected<Article> rejected = (Outcome.Rejected<Article>) outcome;
    assertThat(rejected.stage()).isEqualTo("normalize");
    return rejected.reason();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
