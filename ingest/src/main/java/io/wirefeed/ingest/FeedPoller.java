package io.wirefeed.ingest;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.FeedEntry;
import io.wirefeed.model.RawDocument;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feeds and hands every new item's article page to a {@link DocumentSink}: the ingest stage's
 * entry point.
 *
 * <p>A poll is a conditional GET of the feed (a 304 costs no parsing), then, for each item not seen
 * before, a fetch of its page published as a {@link RawDocument} with a stable id. A page that
 * cannot be fetched becomes a {@link DeadLetter}. An item counts as seen only once the sink accepted
 * its document or its dead letter; if the sink throws, the poll stops and the item is tried again
 * next time (and the feed's validators are not updated, so the next GET is not answered by a 304).
 * {@link #poll} never throws: failures are in the {@link PollReport}, and a feed that fails also
 * gets a dead letter with document id {@code "feed:" + id}.
 */
public final class FeedPoller {
  static final int MAX_SEEN_KEYS = 5000;
  static final String STAGE = "ingest";
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
      + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";
  private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5";
  private static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(1);

  private final IngestLimits limits;
  private final FeedStateStore store;
  private final Clock clock;
  private final HttpFetcher fetcher;

  /** A poller waiting at least one second between two requests to the same host. */
  public FeedPoller(IngestLimits limits, FeedStateStore store, Clock clock) {
    this(limits, store, clock, DEFAULT_HOST_DELAY);
  }

  /** A poller waiting at least {@code perHostDelay} between two requests to the same host (0: no wait). */
  public FeedPoller(IngestLimits limits, FeedStateStore store, Clock clock, Duration perHostDelay) {
    this(limits, store, clock, perHostDelay, AddressGuard.system(), null);
  }

  /** Tests: a custom resolver for the address check, and a proxy standing in for the internet. */
  FeedPoller(IngestLimits limits, FeedStateStore store, Clock clock, Duration perHostDelay, AddressGuard guard,
      ProxySelector proxy) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(perHostDelay, "perHostDelay");
    this.fetcher = new HttpFetcher(limits, guard, new HostThrottle(perHostDelay), proxy);
  }

  /** Polls one feed once; never throws. */
  public PollReport poll(FeedSpec feed, DocumentSink sink) {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(sink, "sink");
    Instant at = clock.instant();
    try {
      PollReport report = new Run(feed, sink, at).execute();
      LOG.debug("polled {}: {}", feed.id(), report);
      return report;
    } catch (RuntimeException e) {
      LOG.error("poll of feed {} failed unexpectedly", feed.id(), e);
      return new PollReport(feed.id(), at, 0, 0, 0, 0, 0, "internal error: " + e);
    }
  }

  /**
   * Polls every feed on its interval on a small thread pool until {@code stop} returns true (or the
   * calling thread is interrupted), then stops the polls in flight and returns.
   */
  public void runForever(List<FeedSpec> feeds, DocumentSink sink, Consumer<PollReport> reports, BooleanSupplier stop) {
    try (IngestService service = new IngestService(this, feeds, sink, reports)) {
      service.start();
      while (!stop.getAsBoolean()) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One poll of one feed: the counters and the state it builds up. */
  private final class Run {
    private final FeedSpec feed;
    private final DocumentSink sink;
    private final Instant at;
    private int httpStatus;
    private int newItems;
    private int seenItems;
    private int failedItems;
    private long bytes;
    private String itemError;
    private boolean interrupted;
    /** Keys of handled items, oldest first; what the saved state will hold. */
    private final Set<String> seen = new LinkedHashSet<>();

    Run(FeedSpec feed, DocumentSink sink, Instant at) {
      this.feed = feed;
      this.sink = sink;
      this.at = at;
    }

    PollReport execute() {
      FeedState state = loadState();
      HttpFetcher.Response response;
      try {
        response = fetcher.get(feed.url(), limits.maxFeedBytes(), feed.allowPrivateAddresses(),
            feed.kind() == FeedKind.FEED ? FEED_ACCEPT : PAGE_ACCEPT, state.etag(), state.lastModified());
      } catch (FetchException e) {
        return feedFailed(state, e.status(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return report("interrupted");
      }
      httpStatus = response.status();
      bytes += response.wireBytes();
      if (httpStatus == 304) {
        return report(saveState(state, state.seenKeys(), state.etag(), state.lastModified()));
      }
      if (httpStatus / 100 != 2) {
        return feedFailed(state, httpStatus, "HTTP " + httpStatus + " from " + response.uri());
      }
      List<FeedEntry> entries;
      if (feed.kind() == FeedKind.FEED) {
        ParsedFeed parsed = FeedParser.parse(response.body(), response.contentType(), response.uri());
        if (!parsed.ok()) {
          return feedFailed(state, httpStatus, "unreadable feed: " + parsed.error());
        }
        entries = parsed.entries();
      } else {
        String html = CharsetSniffer.decode(response.body(), response.contentType()).text();
        entries = SectionLinks.find(html, response.uri(), feed.linkSelector(), feed.linkPattern());
      }
      boolean complete = handleEntries(entries, state);
      // Validators are kept only when every item was dealt with; otherwise a 304 would hide the rest.
      String saveError = complete
          ? saveState(state, seen, response.etag(), response.lastModified())
          : saveState(state, seen, state.etag(), state.lastModified());
      if (interrupted) {
        Thread.currentThread().interrupt();
        return report("interrupted");
      }
      return report(itemError != null ? itemError : saveError);
    }

    /** Returns true when every entry was published, dead-lettered or already seen. */
    private boolean handleEntries(List<FeedEntry> entries, FeedState state) {
      seen.addAll(state.seenKeys());
      Set<String> known = new HashSet<>(seen);
      boolean complete = true;
      int attempted = 0;
      for (FeedEntry entry : entries) {
        String key = ItemKeys.seenKey(entry);
        if (!known.add(key)) {
          seenItems++;
          // Still in the feed, so still needed: keep it out of the oldest keys that bounding drops.
          if (seen.remove(key)) {
            seen.add(key);
          }
          continue;
        }
        if (attempted >= limits.maxItemsPerPoll() || itemError != null || interrupted) {
          complete = false;
          continue;
        }
        attempted++;
        if (handleItem(entry)) {
          seen.remove(key);
          seen.add(key);
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
        page = fetcher.get(uri, limits.maxPageBytes(), feed.allowPrivateAddresses(), PAGE_ACCEPT, null, null);
      } catch (FetchException e) {
        return reject(id, e.getMessage(), entry.link(), null);
      } catch (InterruptedException e) {
        interrupted = true;
        return false;
      }
      bytes += page.wireBytes();
      Instant fetchedAt = clock.instant();
      if (page.status() / 100 != 2) {
        RawDocument partial = document(id, page, fetchedAt, entry);
        return reject(id, "HTTP " + page.status() + " from " + page.uri(), entry.link(), partial);
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
        sink.reject(new DeadLetter(id, STAGE, reason, clock.instant(), url, raw));
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
      httpStatus = status;
      LOG.warn("feed {} failed: {}", feed.id(), reason);
      String error = reason;
      try {
        sink.reject(new DeadLetter("feed:" + feed.id(), STAGE, reason, clock.instant(), feed.url().toString(), null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error += " (dead letter not recorded: interrupted)";
      } catch (Exception e) {
        error += " (dead letter not recorded: " + e + ")";
      }
      String saveError = saveState(state, state.seenKeys(), state.etag(), state.lastModified());
      return report(saveError == null ? error : error + "; " + saveError);
    }

    private FeedState loadState() {
      try {
        return store.load(feed.id()).orElse(FeedState.initial(feed.id()));
      } catch (RuntimeException e) {
        LOG.warn("state of feed {} unreadable; starting afresh", feed.id(), e);
        return FeedState.initial(feed.id());
      }
    }

    /** Returns null when saved, else the error. */
    private String saveState(FeedState old, Collection<String> keys, String etag, String lastModified) {
      List<String> bounded = new ArrayList<>(keys);
      if (bounded.size() > MAX_SEEN_KEYS) {
        bounded = bounded.subList(bounded.size() - MAX_SEEN_KEYS, bounded.size());
      }
      try {
        store.save(new FeedState(old.feedId(), etag, lastModified, bounded, at));
        return null;
      } catch (Exception e) {
        LOG.warn("state of feed {} not saved", feed.id(), e);
        return "state not saved: " + e;
      }
    }

    private PollReport report(String error) {
      return new PollReport(feed.id(), at, httpStatus, newItems, seenItems, failedItems, bytes, error);
    }
  }
}
