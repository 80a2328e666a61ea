package io.wirefeed.ingest;

/**
 * Why a fetch gave nothing usable (refused address, timeout, too big, too many redirects...), with
 * the HTTP status when one was received.
 */
final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  FetchException(String reason) {
    this(reason, 0, null);
  }

  FetchException(String reason, int status, Throwable cause) {
    super(reason, cause);
    this.status = status;
  }

  /** The HTTP status received before the failure, or 0. */
  int status() {
    return status;
  }
}
