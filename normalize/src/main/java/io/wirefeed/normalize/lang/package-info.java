/**
 * Internal, not API: what the other normalize packages share about language: the language guess, the folding
 * of text into accent-free match keys, the shape of a line of prose. The bottom layer: depends on no other
 * normalize package. Other modules use the {@link io.wirefeed.normalize.Normalizer} alone.
 */
package io.wirefeed.normalize.lang;
