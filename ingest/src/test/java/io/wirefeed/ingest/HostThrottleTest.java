package io.wirefeed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostThrottleTest {
  @Test
  void spacesRequestsToTheSameHostWhateverItsCase() throws InterruptedException {
    HostThrottle throttle = new HostThrottle(Duration.ofMillis(100));
    long start = System.nanoTime();

    throttle.acquire("a.example");
    throttle.acquire("A.EXAMPLE");
    throttle.acquire("a.example");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void differentHostsDoNotWaitForEachOther() throws InterruptedException {
    HostThrottle throttle = new HostThrottle(Duration.ofSeconds(30));
    long start = System.nanoTime();

    throttle.acquire("a.example");
    throttle.acquire("b.example");
    throttle.acquire("c.example");

    // Waiting for each other would take a minute; the bound leaves room for a loaded machine.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aHostsOwnLongerDelayAppliesToThatHostOnly() throws InterruptedException {
    HostThrottle throttle = new HostThrottle(Duration.ZERO,
        host -> host.equals("slow.example") ? Duration.ofMillis(150).toNanos() : 0);
    long start = System.nanoTime();
    for (int i = 0; i < 40; i++) {
      throttle.acquire("fast.example");
    }
    long fast = System.nanoTime() - start;

    throttle.acquire("SLOW.example");
    throttle.acquire("slow.example");
    throttle.acquire("slow.example");

    // 40 waits of 150 ms would be 6 s.
    assertThat(Duration.ofNanos(fast)).isLessThan(Duration.ofSeconds(3));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aZeroDelayNeverWaitsAndANegativeOneIsRefused() throws InterruptedException {
    HostThrottle none = new HostThrottle(Duration.ZERO);
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      none.acquire("a.example");
    }

    // Even a 100 ms wait each would be 10 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(() -> new HostThrottle(Duration.ofMillis(-1))).hasMessageContaining("Invalid per-host delay");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "limit {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
  void noMoreThanTheConfiguredRequestsToOneHostAreInFlightAtOnce(int limit) throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ZERO, host -> 0, limit);
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        calls.add(pool.submit(() -> {
          try (HostThrottle.Connection c = throttle.connection("busy.example")) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            release.await();
            inFlight.decrementAndGet();
          }
          return null;
        }));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (inFlight.get() < limit && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(inFlight.get()).isEqualTo(limit);
      assertThat(throttle.availableConnections("BUSY.example")).isZero();
      assertThat(throttle.availableConnections("other.example")).isEqualTo(limit);
      release.countDown();
      for (var call : calls) {
        call.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThat(most.get()).isEqualTo(limit);
      assertThat(throttle.availableConnections("busy.example")).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }
}
