package io.wirefeed.ingest;

/** A document the feed readers could not read: malformed (worth repairing) or simply not a feed. */
final class UnreadableFeed extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean malformed;

  UnreadableFeed(String reason, boolean malformed) {
    super(reason, null, false, false);
    this.malformed = malformed;
  }

  /** True when the syntax is broken (a repair may help); false when it is well-formed but no feed. */
  boolean malformed() {
    return malformed;
  }
}
