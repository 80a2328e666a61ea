package io.wirefeed.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline (never a bare sleep as synchronisation). */
final class Waits {
  private Waits() {}

  /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code deadline}. */
  static void until(Duration deadline, BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(50);
    }
  }
}
