package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirefeed.ingest.PollReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-feed metrics as Prometheus scrapes them: counters add up, gauges follow the latest report. */
class StatusBoardTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final StatusBoard board = new StatusBoard(registry);

  @Test
  void eachPollUpdatesTheFeedsCountersAndGauges() {
    Instant first = Instant.parse("2026-03-02T09:15:00Z");
    board.polled(new PollReport("afp-fr", first, 200, 3, 2, 1, 48_000, null, first.plusSeconds(150)));
    board.polled(new PollReport("afp-fr", first.plusSeconds(150), 304, 0, 0, 0, 310, null,
        first.plusSeconds(375)));

    String text = registry.scrape();

    assertThat(text)
        .contains("wirefeed_items_new_total{feed=\"afp-fr\"} 3.0")
        .contains("wirefeed_items_seen_total{feed=\"afp-fr\"} 2.0")
        .contains("wirefeed_items_failed_total{feed=\"afp-fr\"} 1.0")
        .contains("wirefeed_fetch_bytes_total{feed=\"afp-fr\"} 48310.0")
        .contains("wirefeed_polls_total{feed=\"afp-fr\",outcome=\"not_modified\"} 1.0")
        .contains("wirefeed_feed_http_status{feed=\"afp-fr\"} 304.0");
    assertThat(gauge(text, "wirefeed_feed_last_poll_timestamp_seconds{feed=\"afp-fr\"}"))
        .isEqualTo(first.plusSeconds(150).getEpochSecond());
    assertThat(gauge(text, "wirefeed_feed_next_poll_timestamp_seconds{feed=\"afp-fr\"}"))
        .isEqualTo(first.plusSeconds(375).getEpochSecond());
  }

  @Test
  void aFailedPollCountsAsAnErrorOutcome() {
    Instant at = Instant.parse("2026-03-02T09:15:00Z");
    board.polled(new PollReport("tass-en", at, 503, 0, 0, 0, 120, "HTTP 503 from https://tass.example/rss",
        at.plusSeconds(450)));

    assertThat(registry.scrape()).contains("wirefeed_polls_total{feed=\"tass-en\",outcome=\"error\"} 1.0")
        .contains("wirefeed_feed_http_status{feed=\"tass-en\"} 503.0");
  }

  private static double gauge(String scrape, String series) {
    return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElseThrow();
  }
}
