package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirefeed.model.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedStateTest {
  @Test
  void roundTripsThroughTheSharedJsonMapperAsTheStateTopicStoresIt() throws Exception {
    FeedState state = new FeedState("xinhua-world", "\"v1\"", "Wed, 01 May 2024 02:15:00 GMT",
        List.of("0f3c9a1b2c3d4e5f6a7b", "1a2b3c4d5e6f7a8b9c0d"), Instant.parse("2024-05-01T12:00:00Z"));

    String json = WireJson.mapper().writeValueAsString(state);
    FeedState back = WireJson.mapper().readValue(json, FeedState.class);

    assertThat(back).isEqualTo(state);
    assertThat(json).contains("\"lastPoll\":\"2024-05-01T12:00:00Z\"");
  }

  @Test
  void theScheduleRoundTripsWithDurationsInIsoForm() throws Exception {
    FeedState state = new FeedState("afp-fr", null, null, List.of("k"), Instant.parse("2024-05-01T12:00:00Z"),
        Instant.parse("2024-05-01T12:07:30Z"), java.time.Duration.ofSeconds(450), java.time.Duration.ofHours(1));

    String json = WireJson.mapper().writeValueAsString(state);
    FeedState back = WireJson.mapper().readValue(json, FeedState.class);

    assertThat(back).isEqualTo(state);
    assertThat(json).contains("\"pollDelay\":\"PT7M30S\"", "\"updateHint\":\"PT1H\"",
        "\"nextPoll\":\"2024-05-01T12:07:30Z\"");
  }

  @Test
  void aStateSavedBeforeTheScheduleWasPersistedStillReads() throws Exception {
    String old = "{\"feedId\":\"afp-fr\",\"etag\":\"\\\"v1\\\"\",\"lastModified\":null,"
        + "\"seenKeys\":[\"k\"],\"lastPoll\":\"2024-05-01T12:00:00Z\"}";

    FeedState back = WireJson.mapper().readValue(old, FeedState.class);

    assertThat(back.etag()).isEqualTo("\"v1\"");
    assertThat(back.seenKeys()).containsExactly("k");
    assertThat(back.nextPoll()).isNull();
    assertThat(back.pollDelay()).isNull();
  }

  @Test
  void copiesSeenKeysAndRefusesABlankFeedId() {
    List<String> keys = new ArrayList<>(List.of("a"));
    FeedState state = new FeedState("f", null, null, keys, null);
    keys.add("b");

    assertThat(state.seenKeys()).containsExactly("a");
    assertThat(FeedState.initial("f").seenKeys()).isEmpty();
    assertThatThrownBy(() -> new FeedState(" ", null, null, null, null)).hasMessageContaining("Invalid feed id");
  }

  @Test
  void inMemoryStoreReturnsWhatWasSaved() {
    InMemoryFeedStateStore store = new InMemoryFeedStateStore();
    FeedState state = FeedState.initial("f");

    store.save(state);

    assertThat(store.load("f")).contains(state);
    assertThat(store.load("other")).isEmpty();
  }
}
