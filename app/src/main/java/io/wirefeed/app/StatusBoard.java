package io.wirefeed.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.DeadLetter;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps what the operations endpoint shows: the latest poll of each feed, the latest articles and dead letters,
 * and the Micrometer meters for polls, articles and DLQ records.
 */
final class StatusBoard implements PipelineListener {
  private static final int KEEP = 50;
  private final MeterRegistry registry;
  private final Map<String, PollReport> feeds = new ConcurrentSkipListMap<>();
  private final Deque<Article> articles = new ArrayDeque<>();
  private final Deque<DeadLetter> deadLetters = new ArrayDeque<>();

  StatusBoard(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void published(Article a) {
    Counter.builder("wirefeed.articles.published").description("articles (new or new versions) committed")
        .tag("language", String.valueOf(a.language()))
        .tag("agency", a.source() == null ? "none" : String.valueOf(a.source().agency()))
        .register(registry).increment();
    synchronized (articles) {
      articles.addFirst(a);
      while (articles.size() > KEEP) {
        articles.removeLast();
      }
    }
  }

  @Override
  public void unchanged(Article a) {
    registry.counter("wirefeed.articles.unchanged").increment();
  }

  @Override
  public void deadLettered(DeadLetter d) {
    Counter.builder("wirefeed.dlq.records").description("records sent to the dead-letter topic")
        .tag("stage", d.stage()).register(registry).increment();
    synchronized (deadLetters) {
      deadLetters.addFirst(d);
      while (deadLetters.size() > KEEP) {
        deadLetters.removeLast();
      }
    }
  }

  @Override
  public void polled(PollReport r) {
    if (feeds.put(r.feedId(), r) == null) {
      registerFeedGauges(r.feedId());
    }
    String outcome = r.error() != null ? "error" : r.httpStatus() == 304 ? "not_modified" : "ok";
    Counter.builder("wirefeed.polls").description("feed polls").tag("feed", r.feedId()).tag("outcome", outcome)
        .register(registry).increment();
    registry.counter("wirefeed.items.new", "feed", r.feedId()).increment(r.newItems());
    registry.counter("wirefeed.items.seen", "feed", r.feedId()).increment(r.seenItems());
    registry.counter("wirefeed.items.failed", "feed", r.feedId()).increment(r.failedItems());
    registry.counter("wirefeed.fetch.bytes", "feed", r.feedId()).increment(r.bytes());
  }

  /** Each feed's last poll, next poll and HTTP status as gauges read from its latest report. */
  private void registerFeedGauges(String feedId) {
    Gauge.builder("wirefeed.feed.last.poll.timestamp", feeds,
            m -> epochSeconds(m.get(feedId) == null ? null : m.get(feedId).at()))
        .description("when the feed was last polled (Unix time)").baseUnit("seconds").tag("feed", feedId)
        .register(registry);
    Gauge.builder("wirefeed.feed.next.poll.timestamp", feeds,
            m -> epochSeconds(m.get(feedId) == null ? null : m.get(feedId).nextPoll()))
        .description("when the feed is due again (Unix time)").baseUnit("seconds").tag("feed", feedId)
        .register(registry);
    Gauge.builder("wirefeed.feed.http.status", feeds,
            m -> m.get(feedId) == null ? Double.NaN : m.get(feedId).httpStatus())
        .description("HTTP status of the feed's last poll (0: no response)").tag("feed", feedId)
        .register(registry);
  }

  private static double epochSeconds(Instant t) {
    return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
  }

  Map<String, PollReport> feeds() {
    return Map.copyOf(feeds);
  }

  List<Article> latestArticles() {
    synchronized (articles) {
      return new ArrayList<>(articles);
    }
  }

  List<DeadLetter> latestDeadLetters() {
    synchronized (deadLetters) {
      return new ArrayList<>(deadLetters);
    }
  }

  /** Fans each fact out to this board and to another listener. */
  PipelineListener and(PipelineListener other) {
    StatusBoard self = this;
    return new PipelineListener() {
      @Override
      public void published(Article a) {
        self.published(a);
        other.published(a);
      }

      @Override
      public void unchanged(Article a) {
        self.unchanged(a);
        other.unchanged(a);
      }

      @Override
      public void deadLettered(DeadLetter d) {
        self.deadLettered(d);
        other.deadLettered(d);
      }

      @Override
      public void polled(PollReport r) {
        self.polled(r);
        other.polled(r);
      }
    };
  }
}
