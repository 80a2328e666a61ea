package io.wirefeed.ingest;

import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.RawDocument;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Politeness: 5xx, 408, 429, timeouts and I/O errors are retried with exponential backoff and jitter
 * (3 attempts, Retry-After honoured, total wait bounded). Article pages, not feeds, obey robots.txt
 * (the group of the configured User-Agent's product token, else "wirefeed", else "*"; cached a day per
 * origin): a forbidden page is dead-lettered ("disallowed by
 * robots.txt") and counts as handled; while robots.txt cannot be read (5xx, 429, network), its host's
 * items wait for a later poll. A Crawl-delay raises that host's per-host delay. Each report carries the
 * feed's next poll time from an adaptive schedule ({@link #nextDelay}).
 */
public final class FeedPoller {
  static final int MAX_SEEN_KEYS = 5000;
  static final String STAGE = "ingest";
  /** The product token robots.txt groups are matched against after the configured User-Agent's own. */
  static final String ROBOTS_AGENT = "wirefeed";
  /** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt. */
  static final long ROBOTS_MAX_BYTES = 512 * 1024;
  private static final String ROBOTS_ACCEPT = "text/plain, */*;q=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(1);

  private final Clock clock;
  private final HttpFetcher fetcher;
  private final PollRun.Tools tools;
  private final PollSchedule schedule = new PollSchedule();
  private final FeedStateStore store;
  private final List<String> robotsAgents;

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
    this(limits, store, clock, perHostDelay, guard, proxy, Retrier.standard(Objects.requireNonNull(clock, "clock")));
  }

  /** Tests: also how failed fetches are retried (short, recorded waits instead of real backoff). */
  FeedPoller(IngestLimits limits, FeedStateStore store, Clock clock, Duration perHostDelay, AddressGuard guard,
      ProxySelector proxy, Retrier retrier) {
    Objects.requireNonNull(limits, "limits");
    this.store = Objects.requireNonNull(store, "store");
    this.robotsAgents = robotsAgents(limits.userAgent());
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(perHostDelay, "perHostDelay");
    RobotsCache robots = new RobotsCache(this::loadRobots, clock);
    this.fetcher = new HttpFetcher(limits, guard,
        new HostThrottle(perHostDelay, robots::crawlDelayNanos, limits.maxConnectionsPerHost()), proxy);
    this.tools = new PollRun.Tools(limits, store, clock, fetcher, Objects.requireNonNull(retrier, "retrier"), robots,
        schedule);
  }

  /** Polls one feed once; never throws. The report's {@code nextPoll} says when to poll it again. */
  public PollReport poll(FeedSpec feed, DocumentSink sink) {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(sink, "sink");
    Instant at = clock.instant();
    PollRun run = new PollRun(tools, feed, sink, at);
    PollReport report;
    PollSchedule.Outcome outcome;
    try {
      report = run.execute();
      outcome = run.outcome();
    } catch (RuntimeException e) {
      LOG.error("poll of feed {} failed unexpectedly", feed.id(), e);
      report = new PollReport(feed.id(), at, 0, 0, 0, 0, 0, "internal error: " + e);
      outcome = PollSchedule.Outcome.FAILED;
    }
    // Normally scheduled (and saved) with the state; a poll that ended before is scheduled here.
    Instant next = run.nextPoll() != null
        ? run.nextPoll()
        : clock.instant().plus(schedule.next(feed, outcome, run.retryAfter()));
    report = report.withNextPoll(next);
    LOG.debug("polled {}: {}", feed.id(), report);
    return report;
  }

  /**
   * How long to wait, from now, before polling {@code feed} again after {@code lastReport} (the report of
   * its last poll by this poller): the adaptive delay, between a quarter and eight times the feed's
   * interval, never shorter than the feed's {@code <ttl>} or {@code sy:updatePeriod} nor than a
   * Retry-After. The feed's interval when there is no usable report (null, another feed's, no next poll).
   */
  public Duration nextDelay(FeedSpec feed, PollReport lastReport) {
    Objects.requireNonNull(feed, "feed");
    if (lastReport == null || lastReport.nextPoll() == null || !lastReport.feedId().equals(feed.id())) {
      return feed.interval();
    }
    Duration left = Duration.between(clock.instant(), lastReport.nextPoll());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * How long to wait, from now, before this poller first polls {@code feed}: until the next poll that the
   * feed's saved state asks for (set by whichever instance polled it last), zero when there is none or it is
   * past. A restarted or rebalanced instance thus keeps the feed's rhythm instead of polling everything at
   * once (a crash loop would otherwise hit every feed at each start). The wait is capped at the longest
   * delay the feed's current interval allows (or its publisher's saved update hint, if longer), so that a
   * shorter interval in the configuration takes effect at the next start.
   */
  public Duration firstDelay(FeedSpec feed) {
    Objects.requireNonNull(feed, "feed");
    FeedState state;
    try {
      state = store.load(feed.id()).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("state of feed {} unreadable; polling it now", feed.id(), e);
      return Duration.ZERO;
    }
    if (state == null || state.nextPoll() == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), state.nextPoll());
    Duration longest = PollSchedule.longestFirstDelay(feed, state.updateHint());
    return left.isNegative() ? Duration.ZERO : left.compareTo(longest) > 0 ? longest : left;
  }

  /**
   * Polls every feed on its adaptive schedule on a small thread pool until {@code stop} returns true (or
   * the calling thread is interrupted), then stops the polls in flight and returns.
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

  /**
   * The robots.txt product tokens this crawler answers to, most specific first: the configured User-Agent's
   * (an operator running "acme-monitor/2.0 (+https://acme.example/bot)" is addressed as acme-monitor), then
   * "wirefeed".
   */
  static List<String> robotsAgents(String userAgent) {
    String own = RobotsTxt.productToken(userAgent);
    return own.isEmpty() || own.equals(ROBOTS_AGENT) || own.equals("*") ? List.of(ROBOTS_AGENT)
        : List.of(own, ROBOTS_AGENT);
  }

  /**
   * Reads one origin's robots.txt (one attempt: a failure means "not now", asked again a few minutes
   * later). 2xx: its rules; 4xx: no rules; 429, 5xx, network errors: unavailable (RFC 9309 2.3.1).
   */
  private RobotsTxt loadRobots(URI robotsTxt, boolean allowPrivate, AtomicLong wire) throws InterruptedException {
    try {
      HttpFetcher.Response r = fetcher.get(robotsTxt, ROBOTS_MAX_BYTES, allowPrivate, ROBOTS_ACCEPT, null, null,
          wire, HttpFetcher.HopCheck.NONE);
      int status = r.status();
      if (status / 100 == 2) {
        return RobotsTxt.parse(new String(r.body(), StandardCharsets.UTF_8), robotsAgents);
      }
      if (status / 100 == 4 && status != 429) {
        return RobotsTxt.ALLOW_ALL;
      }
      return RobotsTxt.unavailable("HTTP " + status + " from " + r.uri());
    } catch (FetchException e) {
      LOG.info("robots.txt {} unavailable: {}", robotsTxt, e.getMessage());
      return RobotsTxt.unavailable(e.getMessage());
    }
  }
}
