/**
 * Internal, not API: plain-text wire copy into headline and body paragraphs, with the page chrome that
 * travels with it (widgets, bylines, credit and copyright lines, sign-offs) recognised line by line.
 * Types are public only so that {@link io.wirefeed.normalize.Normalizer} and the HTML extractor can reach
 * them; other modules use the {@code Normalizer} alone (checked by an architecture test).
 */
package io.wirefeed.normalize.text;
