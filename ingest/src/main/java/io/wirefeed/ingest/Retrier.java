package io.wirefeed.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Repeats a fetch that failed for a reason that may pass: a 5xx (but 501/505), 408, 429, a timeout or an
 * I/O error. Waits grow exponentially with jitter; a Retry-After (seconds or HTTP-date) is honoured when
 * it is longer. Attempts and the total wait are bounded: a Retry-After beyond what is left of the budget
 * ends the retries at once, and the last response or failure is returned as it is.
 */
final class Retrier {
  /**
   * The bounds of the retries of one fetch.
   *
   * @param maxAttempts attempts in all, the first one included (1: no retry)
   * @param baseDelay the wait after the first failure; it doubles after each failure
   * @param maxDelay the longest single wait computed by backoff (a Retry-After may ask for more)
   * @param maxTotalDelay the most all waits of one fetch may add up to
   */
  record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalDelay) {
    Policy {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("Invalid maxAttempts: " + maxAttempts);
      }
      Objects.requireNonNull(baseDelay, "baseDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      Objects.requireNonNull(maxTotalDelay, "maxTotalDelay");
      if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalDelay.isNegative()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "Invalid retry delays: %s %s %s",
            baseDelay, maxDelay, maxTotalDelay));
      }
    }

    /** 3 attempts, waits of about 0.5 s then 1 s, at most 8 s each and 15 s in all (pool threads wait). */
    static Policy defaults() {
      return new Policy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(15));
    }
  }

  /** Waits; replaced in tests so that no test sleeps through a backoff. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** One attempt of the fetch being retried. */
  @FunctionalInterface
  interface Attempt {
    HttpFetcher.Response fetch() throws FetchException, InterruptedException;
  }

  private final Policy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  /**
   * @param jitter returns values in [0, 1): the share of each backoff wait that is randomized
   */
  Retrier(Policy policy, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
  }

  static Retrier standard(Clock clock) {
    return new Retrier(Policy.defaults(), clock, d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Returns the first response not worth retrying, or the last one; throws the last failure. */
  HttpFetcher.Response run(Attempt attempt) throws FetchException, InterruptedException {
    Duration waited = Duration.ZERO;
    for (int n = 1; ; n++) {
      HttpFetcher.Response response;
      Duration asked;
      try {
        response = attempt.fetch();
        if (!retriable(response.status())) {
          return response.withAttempts(n);
        }
        asked = retryAfter(response.retryAfter(), clock.instant());
      } catch (FetchException e) {
        if (e.kind() != FetchException.Kind.TRANSIENT) {
          throw n == 1 ? e : e.withSuffix(attemptsSuffix(n));
        }
        Duration wait = n < policy.maxAttempts() ? waitBefore(n + 1, null, waited) : null;
        if (wait == null) {
          throw n == 1 ? e : e.withSuffix(attemptsSuffix(n));
        }
        sleeper.sleep(wait);
        waited = waited.plus(wait);
        continue;
      }
      Duration wait = n < policy.maxAttempts() ? waitBefore(n + 1, asked, waited) : null;
      if (wait == null) {
        return response.withAttempts(n);
      }
      sleeper.sleep(wait);
      waited = waited.plus(wait);
    }
  }

  static boolean retriable(int status) {
    return status == 408 || status == 429 || status / 100 == 5 && status != 501 && status != 505;
  }

  /** The wait before attempt {@code next}, or null when the budget does not allow one. */
  private Duration waitBefore(int next, Duration retryAfter, Duration waited) {
    long cap = policy.maxDelay().toNanos();
    long capped = Math.min(policy.baseDelay().toNanos(), cap);
    for (int i = 2; i < next; i++) {
      capped = capped > cap / 2 ? cap : capped * 2;
    }
    // "Equal jitter": half the wait is fixed, half random, so that a crowd of pollers spreads out.
    long backoff = capped / 2 + (long) (capped / 2 * Math.min(Math.max(jitter.getAsDouble(), 0), 1));
    Duration wait = Duration.ofNanos(backoff);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return waited.plus(wait).compareTo(policy.maxTotalDelay()) > 0 ? null : wait;
  }

  /**
   * A Retry-After header as a wait from {@code now}: delta-seconds or an HTTP-date; null when absent or
   * unreadable, zero for a date in the past.
   */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Ten digits are over 300 years: anything longer is as good as forever.
      return value.length() > 10 ? Duration.ofSeconds(9_999_999_999L) : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String attemptsSuffix(int n) {
    return " (after " + n + " attempts)";
  }
}
