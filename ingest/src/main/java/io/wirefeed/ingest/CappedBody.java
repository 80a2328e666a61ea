package io.wirefeed.ingest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body collected up to a cap while it streams: past the cap the stream is cancelled
 * (so a huge body is never held in memory) and the body either fails or ends truncated.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** The body went past its cap. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  private final long cap;
  private final boolean truncate;
  private final long declaredLength;
  private final AtomicLong wire;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private long received;

  /**
   * @param cap bytes kept at most
   * @param truncate true to end with the first {@code cap} bytes, false to fail with {@link TooLarge}
   * @param declaredLength the Content-Length, or -1: a declared size above the cap fails at once
   * @param wire counts every byte received, kept or not, so a poll's report is right even when it fails
   */
  CappedBody(long cap, boolean truncate, long declaredLength, AtomicLong wire) {
    this.cap = cap;
    this.truncate = truncate;
    this.declaredLength = declaredLength;
    this.wire = wire;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (!truncate && declaredLength > cap) {
      s.cancel();
      result.completeExceptionally(tooLarge());
      return;
    }
    if (truncate && cap == 0) {
      s.cancel();
      result.complete(new byte[0]);
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      wire.addAndGet(n);
      long room = cap - received;
      if (n > room) {
        subscription.cancel();
        if (truncate) {
          byte[] part = new byte[(int) room];
          item.get(part);
          buffer.write(part, 0, part.length);
          result.complete(buffer.toByteArray());
        } else {
          result.completeExceptionally(tooLarge());
        }
        return;
      }
      byte[] chunk = new byte[n];
      item.get(chunk);
      buffer.write(chunk, 0, n);
      received += n;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  /** Stops reading (timeout or interrupt); the body future fails. */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.completeExceptionally(new java.util.concurrent.CancellationException("aborted"));
  }

  private TooLarge tooLarge() {
    return new TooLarge("body exceeds " + cap + " bytes");
  }
}
