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
    HostThrottle throttle = new HostThrottle(Duration.ofSeconds(5));
    long start = System.nanoTime();

    throttle.acquire("a.example");
    throttle.acquire("b.example");
    throttle.acquire("c.example");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aHostsOwnLongerDelayAppliesToThatHostOnly() throws InterruptedException {
    HostThrottle throttle = new HostThrottle(Duration.ZERO,
        host -> host.equals("slow.example") ? Duration.ofMillis(150).toNanos() : 0);
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      throttle.acquire("fast.example");
    }
    long fast = System.nanoTime() - start;

    throttle.acquire("SLOW.example");
    throttle.acquire("slow.example");
    throttle.acquire("slow.example");

    assertThat(Duration.ofNanos(fast)).isLessThan(Duration.ofMillis(100));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aZeroDelayNeverWaitsAndANegativeOneIsRefused() throws InterruptedException {
    HostThrottle none = new HostThrottle(Duration.ZERO);
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      none.acquire("a.example");
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThatThrownBy(() -> new HostThrottle(Duration.ofMillis(-1))).hasMessageContaining("Invalid per-host delay");
  }
}
