/**
 * RawDocument to Article: the {@link io.wirefeed.normalize.Normalizer} facade and, package-private
 * behind it, the extractors (HTML pages, plain text with its page chrome) and the parsers of the
 * fields no library gives: dateline, source agency, credited sources, quotes, language. Pure
 * functions: no I/O, no clock, no mutable static state.
 */
package io.wirefeed.normalize;
