package io.wirefeed.ingest;

import io.wirefeed.model.FeedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one feed already handled, as its {@link FeedState} keeps them, oldest first. Each entry is
 * the item's key ({@link ItemKeys#seenKey}), a fingerprint of what the feed said of it and, for an item
 * with a guid, its link-and-title key too, as {@code key~fingerprint[~linkKey]}.
 *
 * <p>An item counts as seen when its key is known or, for a feed that gives its items a new guid on every
 * fetch, when its link and title are: such an item is not fetched again each poll. A seen item whose
 * fingerprint changed (an update under the same guid) is {@link Verdict#CHANGED}. Entries saved by earlier
 * versions (a bare key) count as unchanged, so an upgrade does not refetch every feed.
 *
 * <p>Verdicts are given against the state as loaded; {@link #keep} records what this poll handled.
 */
final class SeenItems {
  /** What an item of the document is, compared with the state. */
  enum Verdict {
    NEW,
    UNCHANGED,
    CHANGED
  }

  private static final char SEPARATOR = '~';

  /** What is kept per key: the fingerprint (null: saved before fingerprints) and the link key (or null). */
  private record Seen(String fingerprint, String linkKey) {}

  /** An item of the document with its keys, derived once: see {@link ItemKeys}. */
  record Item(String key, String fingerprint, String linkKey) {
    static Item of(FeedEntry e) {
      return new Item(ItemKeys.seenKey(e), ItemKeys.fingerprint(e), ItemKeys.linkKey(e));
    }
  }

  private final Map<String, Seen> saved = new HashMap<>();
  private final Map<String, String> keyByLink = new HashMap<>();
  private final LinkedHashMap<String, Seen> current = new LinkedHashMap<>();

  private SeenItems() {}

  /** The items of a saved state. */
  static SeenItems of(List<String> state) {
    SeenItems s = new SeenItems();
    for (String stored : state) {
      String[] parts = stored.split(String.valueOf(SEPARATOR), -1);
      Seen seen = new Seen(part(parts, 1), part(parts, 2));
      s.saved.put(parts[0], seen);
      s.current.put(parts[0], seen);
      if (seen.linkKey() != null) {
        s.keyByLink.put(seen.linkKey(), parts[0]);
      }
    }
    return s;
  }

  /** How {@code item} compares with the saved state. */
  Verdict verdict(Item item) {
    String key = savedKey(item);
    if (key == null) {
      return Verdict.NEW;
    }
    String before = saved.get(key).fingerprint();
    return before == null || before.equals(item.fingerprint()) ? Verdict.UNCHANGED : Verdict.CHANGED;
  }

  /** Records {@code item} as handled (or still listed) now: newest, with its current fingerprint. */
  void keep(Item item) {
    String previous = savedKey(item);
    if (previous != null) {
      current.remove(previous);
    }
    current.remove(item.key());
    current.put(item.key(), new Seen(item.fingerprint(), item.linkKey()));
  }

  /** The entries to save, oldest first (the caller bounds how many). */
  List<String> toState() {
    List<String> out = new ArrayList<>(current.size());
    current.forEach((key, seen) -> out.add(entry(key, seen)));
    return out;
  }

  /** The saved entry of an item as {@link #keep} writes it. */
  static String entryOf(FeedEntry e) {
    Item item = Item.of(e);
    return entry(item.key(), new Seen(item.fingerprint(), item.linkKey()));
  }

  /** The fingerprint part of a saved entry, or null. */
  static String fingerprintOf(String entry) {
    return part(entry.split(String.valueOf(SEPARATOR), -1), 1);
  }

  private String savedKey(Item item) {
    if (saved.containsKey(item.key())) {
      return item.key();
    }
    return item.linkKey() == null ? null : keyByLink.get(item.linkKey());
  }

  private static String entry(String key, Seen seen) {
    StringBuilder sb = new StringBuilder(key);
    if (seen.fingerprint() != null) {
      sb.append(SEPARATOR).append(seen.fingerprint());
      if (seen.linkKey() != null) {
        sb.append(SEPARATOR).append(seen.linkKey());
      }
    }
    return sb.toString();
  }

  private static String part(String[] parts, int i) {
    return parts.length > i && !parts[i].isEmpty() ? parts[i] : null;
  }
}
