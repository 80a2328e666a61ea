package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backoff, jitter, Retry-After and the budget, without a network. */
class RetrierTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<Duration> waits = new ArrayList<>();

  private static HttpFetcher.Response response(int status, String retryAfter) {
    return new HttpFetcher.Response(URI.create("http://wire.example/feed"), status, null, null, null, new byte[0],
        retryAfter, 1);
  }

  /** Plays the given outcomes in order: a Response, or a FetchException to throw. */
  private static Retrier.Attempt script(Object... outcomes) {
    Deque<Object> left = new ArrayDeque<>(List.of(outcomes));
    return () -> {
      Object next = left.removeFirst();
      if (next instanceof FetchException) {
        throw (FetchException) next;
      }
      return (HttpFetcher.Response) next;
    };
  }

  private Retrier retrier(int attempts, double jitter, Duration budget) {
    return new Retrier(new Retrier.Policy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(5), budget), CLOCK,
        waits::add, () -> jitter);
  }

  @Test
  void backoffDoublesAndJitterSpreadsTheSecondHalfOfEachWait() throws Exception {
    HttpFetcher.Response last = retrier(4, 0.0, Duration.ofMinutes(1))
        .run(script(response(500, null), response(502, null), response(503, null), response(504, null)));

    assertThat(last.status()).isEqualTo(504);
    assertThat(last.attempts()).isEqualTo(4);
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));

    waits.clear();
    retrier(3, 0.5, Duration.ofMinutes(1)).run(script(response(500, null), response(500, null), response(200, null)));

    assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
  }

  @Test
  void singleWaitsAreCappedByTheMaximumDelay() throws Exception {
    retrier(6, 0.999_999, Duration.ofMinutes(1)).run(script(response(500, null), response(500, null),
        response(500, null), response(500, null), response(500, null), response(200, null)));

    assertThat(waits).hasSize(5).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(waits.get(4)).isGreaterThan(Duration.ofMillis(4999));
  }

  @Test
  void aSuccessOrAPlainClientErrorIsReturnedAtOnce() throws Exception {
    assertThat(retrier(3, 0, Duration.ofMinutes(1)).run(script(response(404, null))).attempts()).isEqualTo(1);
    assertThat(retrier(3, 0, Duration.ofMinutes(1)).run(script(response(403, null))).status()).isEqualTo(403);
    assertThat(retrier(3, 0, Duration.ofMinutes(1)).run(script(response(501, null))).attempts()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void requestTimeoutAndTooManyRequestsAreRetried() throws Exception {
    HttpFetcher.Response r = retrier(3, 0, Duration.ofMinutes(1))
        .run(script(response(408, null), response(429, null), response(200, null)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.attempts()).isEqualTo(3);
  }

  @Test
  void retryAfterLongerThanTheBackoffIsHonoured() throws Exception {
    retrier(3, 0, Duration.ofMinutes(1)).run(script(response(429, "7"),
        response(503, "Wed, 01 May 2024 12:00:12 GMT"), response(200, null)));

    assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(12));
  }

  @Test
  void aRetryAfterBeyondTheBudgetEndsTheRetriesAtOnce() throws Exception {
    HttpFetcher.Response r = retrier(3, 0, Duration.ofSeconds(10)).run(script(response(503, "3600")));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void transientFailuresAreRetriedAndTheLastOneSaysHowManyAttempts() {
    FetchException timeout = FetchException.transientFailure("timed out after 900 ms reading x", 0, null);

    assertThatThrownBy(() -> retrier(3, 0, Duration.ofMinutes(1)).run(script(timeout, timeout, timeout)))
        .isInstanceOf(FetchException.class)
        .hasMessage("timed out after 900 ms reading x (after 3 attempts)");
    assertThat(waits).hasSize(2);
  }

  @Test
  void permanentFailuresAreNotRetried() {
    FetchException refused = new FetchException("refused: non-public address");

    assertThatThrownBy(() -> retrier(3, 0, Duration.ofMinutes(1)).run(script(refused))).isSameAs(refused);
    assertThat(waits).isEmpty();
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    assertThat(Retrier.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Retrier.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    assertThat(Retrier.retryAfter("Wed, 01 May 2024 13:30:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(90));
    assertThat(Retrier.retryAfter("Wed, 01 May 2024 11:00:00 GMT", NOW)).as("in the past").isEqualTo(Duration.ZERO);
    assertThat(Retrier.retryAfter("99999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365 * 300));
    assertThat(Retrier.retryAfter("soon", NOW)).isNull();
    assertThat(Retrier.retryAfter("-5", NOW)).isNull();
    assertThat(Retrier.retryAfter(null, NOW)).isNull();
  }
}
