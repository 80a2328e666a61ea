package io.wirefeed.ingest;

/** How a configured source publishes its article links: a syndication feed or an HTML section page. */
public enum FeedKind {
  /** RSS 0.9x-2.0, RSS 1.0 (RDF), Atom 0.3/1.0, JSON Feed 1.x or a news sitemap. */
  FEED,
  /** An agency section page whose article links are found by CSS selector and/or URL pattern. */
  HTML
}
