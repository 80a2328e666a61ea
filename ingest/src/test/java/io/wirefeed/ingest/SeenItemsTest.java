package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.FeedEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which feed items count as seen: by guid, by link and title when guids change, with content fingerprints. */
class SeenItemsTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

  private static FeedEntry item(String guid, String title, String link) {
    return new FeedEntry(guid, title, link, AT, "Talks resumed in Cairo on Monday.", List.of());
  }

  private static SeenItems after(FeedEntry... handled) {
    SeenItems first = SeenItems.of(List.of());
    for (FeedEntry e : handled) {
      first.keep(SeenItems.Item.of(e));
    }
    // What the next poll loads from the saved state.
    return SeenItems.of(first.toState());
  }

  @Test
  void anItemIsSeenByItsGuidAndChangedWhenItsTitleChanges() {
    FeedEntry story = item("afp-1", "Ceasefire talks resume", "https://afp.example/1");
    SeenItems seen = after(story);

    assertThat(verdict(seen, story)).isEqualTo(SeenItems.Verdict.UNCHANGED);
    assertThat(verdict(seen, item("afp-1", "UPDATE 1-Ceasefire talks resume", "https://afp.example/1")))
        .isEqualTo(SeenItems.Verdict.CHANGED);
    assertThat(verdict(seen, item("afp-2", "Quake in Japan", "https://afp.example/2")))
        .isEqualTo(SeenItems.Verdict.NEW);
  }

  @Test
  void anItemWhoseGuidChangesOnEveryFetchIsRecognisedByItsLinkAndTitle() {
    FeedEntry first = item("urn:uuid:5b1e", "Ceasefire talks resume", "https://afp.example/1?utm_source=rss");
    SeenItems seen = after(first);
    FeedEntry regenerated = item("urn:uuid:90c4", "Ceasefire talks resume", "https://afp.example/1");

    assertThat(verdict(seen, regenerated)).isEqualTo(SeenItems.Verdict.UNCHANGED);

    seen.keep(SeenItems.Item.of(regenerated));
    // The entry is replaced, not added: the state does not grow by one entry per fetch.
    assertThat(seen.toState()).singleElement().isEqualTo(SeenItems.entryOf(regenerated));
  }

  @Test
  void keptItemsMoveToTheNewestEnd() {
    FeedEntry a = item("a", "A", "https://x.example/a");
    FeedEntry b = item("b", "B", "https://x.example/b");
    SeenItems seen = after(a, b);

    seen.keep(SeenItems.Item.of(a));

    assertThat(seen.toState()).containsExactly(SeenItems.entryOf(b), SeenItems.entryOf(a));
  }

  @Test
  void aBareKeySavedByAnEarlierVersionCountsAsUnchanged() {
    FeedEntry story = item("afp-1", "Ceasefire talks resume", "https://afp.example/1");

    SeenItems seen = SeenItems.of(List.of(ItemKeys.seenKey(story)));

    assertThat(verdict(seen, item("afp-1", "Another title", "https://afp.example/1")))
        .isEqualTo(SeenItems.Verdict.UNCHANGED);
  }

  private static SeenItems.Verdict verdict(SeenItems seen, FeedEntry e) {
    return seen.verdict(SeenItems.Item.of(e));
  }
}
