/**
 * Internal, not API: the fields wire copy prints and no library parses: dateline (place, date, agency),
 * the source agency, credited sources and outlets, months in the supported languages and place names put
 * back into normal case. Types are public only for {@link io.wirefeed.normalize.Normalizer} and the
 * plain-text extractor; other modules use the {@code Normalizer} alone.
 */
package io.wirefeed.normalize.wire;
