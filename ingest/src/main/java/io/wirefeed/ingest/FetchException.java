package io.wirefeed.ingest;

/**
 * Why a fetch gave nothing usable (refused address, timeout, too big, too many redirects, robots.txt...),
 * with the HTTP status when one was received and what kind of failure it is.
 */
final class FetchException extends Exception {
  /** What a caller may do about a failure. */
  enum Kind {
    /** Trying again will not help (refused address, body too large, redirect loop, TLS failure). */
    PERMANENT,
    /** A timeout or I/O error: worth retrying. */
    TRANSIENT,
    /** robots.txt forbids the URL: the item is settled with a dead letter. */
    DISALLOWED,
    /** robots.txt could not be read, which means "not now": the item waits for a later poll. */
    DEFERRED
  }

  private static final long serialVersionUID = 1L;
  private final int status;
  private final Kind kind;

  FetchException(String reason) {
    this(reason, 0, null);
  }

  FetchException(String reason, int status, Throwable cause) {
    this(reason, status, Kind.PERMANENT, cause);
  }

  FetchException(String reason, int status, Kind kind, Throwable cause) {
    super(reason, cause);
    this.status = status;
    this.kind = kind;
  }

  static FetchException transientFailure(String reason, int status, Throwable cause) {
    return new FetchException(reason, status, Kind.TRANSIENT, cause);
  }

  /** The HTTP status received before the failure, or 0. */
  int status() {
    return status;
  }

  Kind kind() {
    return kind;
  }

  /** The same failure with more said about it (e.g. how many attempts were made). */
  FetchException withSuffix(String suffix) {
    return new FetchException(getMessage() + suffix, status, kind, getCause());
  }
}
