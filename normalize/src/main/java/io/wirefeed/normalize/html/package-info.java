/**
 * Internal, not API: an HTML page's main content (block scoring and hints) and its metadata (meta tags,
 * JSON-LD, dates), produced as the same extracted page as plain text. Types are public only for
 * {@link io.wirefeed.normalize.Normalizer}; other modules use the {@code Normalizer} alone.
 */
package io.wirefeed.normalize.html;
