/**
 * Internal, not API: quotes found by their marks and dialogue dashes, judged, and attributed to a speaker
 * (speech verbs, subjects, roles, pronouns, implied speakers). {@link io.wirefeed.normalize.quote.QuoteExtractor}
 * is the entry of this package; the rest is package-private where it can be. Other modules use the
 * {@link io.wirefeed.normalize.Normalizer} alone.
 */
package io.wirefeed.normalize.quote;
