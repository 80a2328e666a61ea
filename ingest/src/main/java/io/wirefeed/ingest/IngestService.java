package io.wirefeed.ingest;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FeedPoller} over a list of feeds on a small thread pool, each feed polled again after
 * {@link FeedPoller#nextDelay} (its adaptive schedule); {@link #close()} stops the polls in flight (they
 * are interrupted) and returns once they ended.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final int MAX_THREADS = 4;
  private static final long STAGGER_MILLIS = 200;
  private static final long STOP_WAIT_SECONDS = 10;

  private final FeedPoller poller;
  private final List<FeedSpec> feeds;
  private final DocumentSink sink;
  private final Consumer<PollReport> reports;
  private ScheduledExecutorService executor;

  /**
   * @param reports receives every poll's report (from pool threads; exceptions it throws are logged)
   */
  public IngestService(FeedPoller poller, List<FeedSpec> feeds, DocumentSink sink, Consumer<PollReport> reports) {
    this.poller = Objects.requireNonNull(poller, "poller");
    this.feeds = List.copyOf(feeds);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.reports = Objects.requireNonNull(reports, "reports");
    long distinct = this.feeds.stream().map(FeedSpec::id).distinct().count();
    if (distinct != this.feeds.size()) {
      throw new IllegalArgumentException("Invalid feed list: duplicate feed ids");
    }
  }

  /**
   * Schedules every feed: the first polls start at once, staggered slightly, or when the feed's saved state
   * says it is due ({@link FeedPoller#firstDelay}); then each on its own schedule.
   */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("IngestService already started");
    }
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(Math.max(1, Math.min(MAX_THREADS, feeds.size())), threads());
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    pool.setRemoveOnCancelPolicy(true);
    executor = pool;
    for (int i = 0; i < feeds.size(); i++) {
      FeedSpec feed = feeds.get(i);
      long delay = Math.max(i * STAGGER_MILLIS, poller.firstDelay(feed).toMillis());
      pool.schedule(() -> pollAndReschedule(pool, feed), delay, TimeUnit.MILLISECONDS);
    }
  }

  /** True between {@link #start()} and {@link #close()}. */
  public synchronized boolean isRunning() {
    return executor != null && !executor.isShutdown();
  }

  private void pollAndReschedule(ScheduledExecutorService pool, FeedSpec feed) {
    if (Thread.currentThread().isInterrupted()) {
      return;
    }
    PollReport report = poller.poll(feed, sink);
    try {
      reports.accept(report);
    } catch (RuntimeException e) {
      // A failing listener must not end the feed's schedule.
      LOG.warn("poll report listener failed for feed {}", feed.id(), e);
    }
    try {
      pool.schedule(() -> pollAndReschedule(pool, feed), poller.nextDelay(feed, report).toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: the feed is not polled again.
    }
  }

  /** Stops scheduling, interrupts the polls in flight and waits (bounded) for them to end. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
    }
    if (running == null) {
      return;
    }
    running.shutdownNow();
    try {
      if (!running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("ingest polls still running {} s after stop", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "wirefeed-ingest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
