package io.wirefeed.ingest;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.RawDocument;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed (see {@link FeedPoller}): the fetches, the counters and the state it builds up,
 * and what the schedule needs to know afterwards. Used once, by one thread.
 */
final class PollRun {
  /** What every poll of a poller shares. */
  record Tools(IngestLimits limits, FeedStateStore store, Clock clock, HttpFetcher fetcher, Retrier retrier,
      RobotsCache robots, PollSchedule schedule) {}

  static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
      + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";
  static final String PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final Tools tools;
  private final FeedSpec feed;
  private final DocumentSink sink;
  private final Instant at;
  private final AtomicLong wire = new AtomicLong();
  private final HttpFetcher.HopCheck robotsCheck;
  private int httpStatus;
  private int newItems;
  private int seenItems;
  private int failedItems;
  private String itemError;
  private String deferred;
  private boolean interrupted;
  private boolean feedFailed;
  private boolean documentRead;
  private boolean backlog;
  private int fresh;
  private Duration updateHint;
  private Duration retryAfter;
  private Instant nextPoll;
  /** Why sitemaps of an index could not be read, or null. */
  private String sitemapError;
  /** Handled items, oldest first; what the saved state will hold. */
  private SeenItems seen;

  PollRun(Tools tools, FeedSpec feed, DocumentSink sink, Instant at) {
    this.tools = tools;
    this.feed = feed;
    this.sink = sink;
    this.at = at;
    this.robotsCheck = hop -> tools.robots().check(hop, feed.allowPrivateAddresses(), wire);
  }

  /** The schedule's view of the poll; valid once {@link #execute()} returned. */
  PollSchedule.Outcome outcome() {
    if (feedFailed || interrupted) {
      return PollSchedule.Outcome.FAILED;
    }
    if (backlog) {
      return PollSchedule.Outcome.BACKLOG;
    }
    return fresh > 0 ? PollSchedule.Outcome.CHANGED : PollSchedule.Outcome.UNCHANGED;
  }

  /** True when a document was read this time, so {@link #updateHint()} is current. */
  boolean documentRead() {
    return documentRead;
  }

  /** The publisher's update hint from the document read, or null. */
  Duration updateHint() {
    return updateHint;
  }

  /**
   * When the feed is due again, as saved with its state; null when the poll ended before the state was
   * saved (interrupted), and the caller schedules it.
   */
  Instant nextPoll() {
    return nextPoll;
  }

  /** The Retry-After of the feed's failed response, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  PollReport execute() {
    FeedState state = loadState();
    tools.schedule().restore(state);
    String accept = feed.kind() == FeedKind.FEED ? FEED_ACCEPT : PAGE_ACCEPT;
    HttpFetcher.Response response;
    try {
      // The feed URL is the operator's choice: robots.txt is not consulted for it.
      response = tools.retrier().run(() -> tools.fetcher().get(feed.url(), tools.limits().maxFeedBytes(),
          feed.allowPrivateAddresses(), accept, state.etag(), state.lastModified(), wire, HttpFetcher.HopCheck.NONE));
    } catch (FetchException e) {
      return feedFailed(state, e.status(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interrupted = true;
      return report("interrupted");
    }
    httpStatus = response.status();
    if (httpStatus == 304) {
      return report(saveState(state, state.seenKeys(), state.etag(), state.lastModified()));
    }
    if (httpStatus / 100 != 2) {
      retryAfter = Retrier.retryAfter(response.retryAfter(), tools.clock().instant());
      return feedFailed(state, httpStatus, "HTTP " + httpStatus + " from " + response.uri() + attempts(response));
    }
    List<FeedEntry> entries;
    if (feed.kind() == FeedKind.FEED) {
      FeedParser.Read read = FeedParser.read(response.body(), response.contentType(), response.uri());
      if (!read.feed().ok()) {
        return feedFailed(state, httpStatus, "unreadable feed: " + read.feed().error());
      }
      updateHint = read.updateEvery();
      if (read.isIndex()) {
        entries = sitemapEntries(read.sitemaps());
        if (entries == null) {
          return interrupted ? report("interrupted") : feedFailed(state, httpStatus, sitemapError);
        }
      } else {
        entries = read.feed().entries();
      }
    } else {
      String html = CharsetSniffer.decode(response.body(), response.contentType()).text();
      entries = SectionLinks.find(html, response.uri(), feed.linkSelector(), feed.linkPattern());
    }
    documentRead = true;
    tools.schedule().publisherHint(feed.id(), updateHint);
    // A sitemap that could not be read leaves the index's validators unsaved, like an item left for later.
    boolean complete = handleEntries(entries, state) && sitemapError == null;
    // Validators are kept only when every item was dealt with; otherwise a 304 would hide the rest.
    String saveError = complete
        ? saveState(state, seen.toState(), response.etag(), response.lastModified())
        : saveState(state, seen.toState(), state.etag(), state.lastModified());
    if (interrupted) {
      Thread.currentThread().interrupt();
      return report("interrupted");
    }
    return report(itemError != null ? itemError : deferred != null ? deferred
        : sitemapError != null ? sitemapError : saveError);
  }

  /**
   * The entries of a sitemap index's most recently modified sitemaps (at most
   * {@link FeedParser#SITEMAPS_PER_INDEX}), fetched like the feed itself; null when none could be read (the
   * reason in {@link #sitemapError}) or the poll was interrupted. Sitemaps that fail are named in
   * {@code sitemapError} while the others' entries are handled.
   */
  private List<FeedEntry> sitemapEntries(List<URI> sitemaps) {
    List<FeedEntry> entries = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<URI> chosen = sitemaps.subList(0, Math.min(FeedParser.SITEMAPS_PER_INDEX, sitemaps.size()));
    for (URI sitemap : chosen) {
      try {
        HttpFetcher.Response r = tools.retrier().run(() -> tools.fetcher().get(sitemap,
            tools.limits().maxFeedBytes(), feed.allowPrivateAddresses(), FEED_ACCEPT, null, null, wire,
            HttpFetcher.HopCheck.NONE));
        if (r.status() / 100 != 2) {
          errors.add("HTTP " + r.status() + " from sitemap " + r.uri() + attempts(r));
          continue;
        }
        FeedParser.Read read = FeedParser.read(r.body(), r.contentType(), r.uri());
        if (!read.feed().ok() || read.isIndex()) {
          errors.add("unreadable sitemap " + r.uri() + ": "
              + (read.isIndex() ? "an index inside an index" : read.feed().error()));
          continue;
        }
        entries.addAll(read.feed().entries());
      } catch (FetchException e) {
        errors.add("sitemap " + sitemap + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        interrupted = true;
        return null;
      }
    }
    if (!errors.isEmpty()) {
      sitemapError = errors.size() == chosen.size()
          ? "none of the index's " + chosen.size() + " newest sitemaps could be read: " + errors.get(0)
          : String.join("; ", errors);
    }
    return errors.size() == chosen.size() ? null : entries;
  }

  /**
   * Returns true when every entry was published, dead-lettered or already seen. An entry seen before whose
   * fingerprint changed is handled again: the same document id fetched anew, a new version downstream.
   */
  private boolean handleEntries(List<FeedEntry> entries, FeedState state) {
    seen = SeenItems.of(state.seenKeys());
    Set<String> inDocument = new HashSet<>();
    boolean complete = true;
    for (FeedEntry entry : entries) {
      SeenItems.Item item = SeenItems.Item.of(entry);
      if (!inDocument.add(item.key())) {
        seenItems++;
        continue;
      }
      SeenItems.Verdict verdict = seen.verdict(item);
      if (verdict == SeenItems.Verdict.UNCHANGED) {
        seenItems++;
        // Still in the feed, so still needed: keep it out of the oldest keys that bounding drops.
        seen.keep(item);
        continue;
      }
      if (verdict == SeenItems.Verdict.CHANGED) {
        LOG.debug("item {} of feed {} changed; fetching it again", item.key(), feed.id());
      }
      if (fresh >= tools.limits().maxItemsPerPoll() || itemError != null || interrupted) {
        backlog |= fresh >= tools.limits().maxItemsPerPoll();
        complete = false;
        continue;
      }
      fresh++;
      if (handleItem(entry)) {
        seen.keep(item);
      } else {
        complete = false;
      }
    }
    return complete;
  }

  /** Returns true when the sink accepted the document or its dead letter. */
  private boolean handleItem(FeedEntry entry) {
    String id = ItemKeys.documentId(entry, feed.id());
    URI uri = entry.link() == null ? null : Links.parse(entry.link());
    if (uri == null || !uri.isAbsolute()) {
      return reject(id, "feed entry has no usable link: " + entry.link(), entry.link(), null);
    }
    HttpFetcher.Response page;
    try {
      page = tools.retrier().run(() -> tools.fetcher().get(uri, tools.limits().maxPageBytes(),
          feed.allowPrivateAddresses(), PAGE_ACCEPT, null, null, wire, robotsCheck));
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.DEFERRED) {
        // robots.txt could not be read: not a verdict on the page, so the item waits for a later poll.
        failedItems++;
        deferred = deferred == null ? e.getMessage() + " at " + uri : deferred;
        return false;
      }
      return reject(id, e.getMessage(), entry.link(), null);
    } catch (InterruptedException e) {
      interrupted = true;
      return false;
    }
    Instant fetchedAt = tools.clock().instant();
    if (page.status() / 100 != 2) {
      RawDocument partial = document(id, page, fetchedAt, entry);
      return reject(id, "HTTP " + page.status() + " from " + page.uri() + attempts(page), entry.link(), partial);
    }
    if (!TextContent.isText(page.contentType(), page.body())) {
      return reject(id, "not a text document: " + page.contentType() + " at " + page.uri(), entry.link(), null);
    }
    RawDocument doc = document(id, page, fetchedAt, entry);
    try {
      sink.publish(doc);
      newItems++;
      return true;
    } catch (InterruptedException e) {
      interrupted = true;
      failedItems++;
      return false;
    } catch (Exception e) {
      LOG.warn("sink refused document {} of feed {}; stopping this poll", id, feed.id(), e);
      itemError = "sink failed to publish " + id + ": " + e;
      failedItems++;
      return false;
    }
  }

  private RawDocument document(String id, HttpFetcher.Response page, Instant fetchedAt, FeedEntry entry) {
    CharsetSniffer.Decoded text = CharsetSniffer.decode(page.body(), page.contentType());
    return new RawDocument(id, page.uri().toString(), fetchedAt, page.status(),
        TextContent.withCharset(page.contentType(), text.charset()), text.text(), feed.id(), entry, feed.agency(),
        feed.language());
  }

  private boolean reject(String id, String reason, String url, RawDocument raw) {
    failedItems++;
    try {
      sink.reject(new DeadLetter(id, FeedPoller.STAGE, reason, tools.clock().instant(), url, raw));
      return true;
    } catch (InterruptedException e) {
      interrupted = true;
      return false;
    } catch (Exception e) {
      LOG.warn("sink refused dead letter {} of feed {}; stopping this poll", id, feed.id(), e);
      itemError = "sink failed to record dead letter " + id + ": " + e;
      return false;
    }
  }

  private PollReport feedFailed(FeedState state, int status, String reason) {
    feedFailed = true;
    httpStatus = status;
    LOG.warn("feed {} failed: {}", feed.id(), reason);
    String error = reason;
    try {
      sink.reject(new DeadLetter("feed:" + feed.id(), FeedPoller.STAGE, reason, tools.clock().instant(),
          feed.url().toString(), null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error += " (dead letter not recorded: interrupted)";
    } catch (Exception e) {
      error += " (dead letter not recorded: " + e + ")";
    }
    String saveError = saveState(state, state.seenKeys(), state.etag(), state.lastModified());
    return report(saveError == null ? error : error + "; " + saveError);
  }

  private static String attempts(HttpFetcher.Response r) {
    return r.attempts() > 1 ? " (after " + r.attempts() + " attempts)" : "";
  }

  private FeedState loadState() {
    try {
      return tools.store().load(feed.id()).orElse(FeedState.initial(feed.id()));
    } catch (RuntimeException e) {
      LOG.warn("state of feed {} unreadable; starting afresh", feed.id(), e);
      return FeedState.initial(feed.id());
    }
  }

  /** Records the poll's outcome in the schedule and saves the state with it; returns null when saved, else the error. */
  private String saveState(FeedState old, Collection<String> keys, String etag, String lastModified) {
    List<String> bounded = new ArrayList<>(keys);
    if (bounded.size() > FeedPoller.MAX_SEEN_KEYS) {
      bounded = bounded.subList(bounded.size() - FeedPoller.MAX_SEEN_KEYS, bounded.size());
    }
    PollSchedule schedule = tools.schedule();
    nextPoll = tools.clock().instant().plus(schedule.next(feed, outcome(), retryAfter));
    try {
      tools.store().save(new FeedState(old.feedId(), etag, lastModified, bounded, at, nextPoll,
          schedule.adapted(feed.id()), schedule.hint(feed.id())));
      return null;
    } catch (Exception e) {
      LOG.warn("state of feed {} not saved", feed.id(), e);
      return "state not saved: " + e;
    }
  }

  private PollReport report(String error) {
    return new PollReport(feed.id(), at, httpStatus, newItems, seenItems, failedItems, wire.get(), error);
  }
}
