package io.wirefeed.ingest;

import static io.wirefeed.ingest.PollSchedule.Outcome.BACKLOG;
import static io.wirefeed.ingest.PollSchedule.Outcome.CHANGED;
import static io.wirefeed.ingest.PollSchedule.Outcome.FAILED;
import static io.wirefeed.ingest.PollSchedule.Outcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The adaptive delay and the publisher's update hints, without a network. */
class PollScheduleTest {
  private static final FeedSpec EVERY_20_MIN =
      FeedSpec.feed("afp-world", URI.create("https://wire.example/afp.xml"), "AFP", "fr", Duration.ofMinutes(20));
  private final PollSchedule schedule = new PollSchedule();

  private static Duration hint(String feed) {
    return FeedParser.read(feed.getBytes(StandardCharsets.UTF_8), "application/xml", null).updateEvery();
  }

  @Test
  void newItemsHalveTheDelayAndQuietPollsGrowItByHalf() {
    assertThat(schedule.next(EVERY_20_MIN, CHANGED, null)).isEqualTo(Duration.ofMinutes(10));
    assertThat(schedule.next(EVERY_20_MIN, UNCHANGED, null)).isEqualTo(Duration.ofMinutes(15));
    assertThat(schedule.next(EVERY_20_MIN, UNCHANGED, null)).isEqualTo(Duration.ofSeconds(1350));
    assertThat(schedule.next(EVERY_20_MIN, FAILED, null)).isEqualTo(Duration.ofSeconds(2025));
  }

  @Test
  void theDelayStaysBetweenAQuarterAndEightTimesTheInterval() {
    for (int i = 0; i < 20; i++) {
      schedule.next(EVERY_20_MIN, CHANGED, null);
    }
    assertThat(schedule.next(EVERY_20_MIN, CHANGED, null)).isEqualTo(Duration.ofMinutes(5));
    for (int i = 0; i < 20; i++) {
      schedule.next(EVERY_20_MIN, UNCHANGED, null);
    }
    assertThat(schedule.next(EVERY_20_MIN, UNCHANGED, null)).isEqualTo(Duration.ofMinutes(160));
  }

  @Test
  void aBacklogIsFetchedAtTheShortestDelayWhateverThePublisherSays() {
    schedule.publisherHint(EVERY_20_MIN.id(), Duration.ofHours(1));

    assertThat(schedule.next(EVERY_20_MIN, BACKLOG, null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(schedule.next(EVERY_20_MIN, CHANGED, null)).as("the hint counts again").isEqualTo(Duration.ofHours(1));
  }

  @Test
  void thePublisherHintAndRetryAfterAreLowerBoundsCappedAtADay() {
    schedule.publisherHint(EVERY_20_MIN.id(), Duration.ofMinutes(45));

    assertThat(schedule.next(EVERY_20_MIN, CHANGED, null)).isEqualTo(Duration.ofMinutes(45));
    assertThat(schedule.next(EVERY_20_MIN, CHANGED, Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
    assertThat(schedule.next(EVERY_20_MIN, FAILED, Duration.ofDays(30))).isEqualTo(Duration.ofHours(24));

    schedule.publisherHint(EVERY_20_MIN.id(), null);
    assertThat(schedule.next(EVERY_20_MIN, CHANGED, null)).as("hint withdrawn").isLessThan(Duration.ofMinutes(45));
  }

  @Test
  void feedsAreScheduledIndependently() {
    FeedSpec other = FeedSpec.feed("ap-top", URI.create("https://wire.example/ap.xml"), "AP", "en",
        Duration.ofMinutes(20));
    schedule.next(EVERY_20_MIN, UNCHANGED, null);

    assertThat(schedule.next(other, CHANGED, null)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void rssTtlIsReadInMinutes() {
    assertThat(FeedParser.read(Fixtures.bytes("feeds/reuters-world-ttl-rss20.xml"), "application/rss+xml", null)
        .updateEvery()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void syndicationModulePeriodIsDividedByItsFrequency() {
    assertThat(FeedParser.read(Fixtures.bytes("feeds/kyodo-rdf-sy-hourly.xml"), "application/rdf+xml", null)
        .updateEvery()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theLongerOfTtlAndUpdatePeriodWinsAndAtomFeedsCarryTheModuleAtTheRoot() {
    assertThat(hint("<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
        + "<title>t</title><ttl>30</ttl><sy:updatePeriod>daily</sy:updatePeriod></channel></rss>"))
        .isEqualTo(Duration.ofDays(1));
    assertThat(hint("<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        + "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><title>t</title><id>urn:x</id>"
        + "<updated>2024-05-01T00:00:00Z</updated><sy:updatePeriod>weekly</sy:updatePeriod>"
        + "<sy:updateFrequency>7</sy:updateFrequency></feed>"))
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  void unreadableOrAbsentHintsAreIgnored() {
    assertThat(hint("<rss version=\"2.0\"><channel><title>t</title><ttl>soon</ttl></channel></rss>")).isNull();
    assertThat(hint("<rss version=\"2.0\"><channel><title>t</title><ttl>0</ttl></channel></rss>")).isNull();
    assertThat(hint("<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
        + "<title>t</title><sy:updatePeriod>fortnightly</sy:updatePeriod></channel></rss>")).isNull();
    assertThat(FeedParser.read(Fixtures.bytes("feeds/xinhua-world-rss20.xml"), "application/rss+xml", null)
        .updateEvery()).isNull();
  }
}
