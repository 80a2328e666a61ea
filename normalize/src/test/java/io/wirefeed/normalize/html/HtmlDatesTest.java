package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Metadata dates with and without zones, and dates in URL paths. */
class HtmlDatesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-03-12T08:41:00+01:00|2024-03-12T07:41:00Z",
      "2024-03-12T08:41:00.123Z|2024-03-12T08:41:00.123Z",
      "2024-03-12T08:41:00-0500|2024-03-12T13:41:00Z",
      "2024-03-12 08:41:00|2024-03-12T08:41:00Z",
      "2024-03-12|2024-03-12T00:00:00Z",
      "Tue, 12 Mar 2024 08:41:00 GMT|2024-03-12T08:41:00Z",
      "1710232860|2024-03-12T08:41:00Z",
      "1710232860000|2024-03-12T08:41:00Z"})
  void readsMetadataDatesAsInstants(String raw, String expected) {
    assertThat(HtmlDates.parse(raw)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-13-45", "0000-00-00T00:00:00Z", "1970-01-01"})
  void rejectsNonDatesAndPlaceholders(String raw) {
    assertThat(HtmlDates.parse(raw)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://example.org/2019/11/18/story-title|2019-11-18T00:00:00Z",
      "https://example.org/news/2019-11-19-story|2019-11-19T00:00:00Z",
      "https://example.org/archive/20191120/story.html|2019-11-20T00:00:00Z"})
  void readsDateFromUrlPath(String url, String expected) {
    assertThat(HtmlDates.fromUrl(url)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/story/471033-title", "https://example.org/2019/13/45/x"})
  void findsNoDateInUrlsWithoutOne(String url) {
    assertThat(HtmlDates.fromUrl(url)).isNull();
  }
}
