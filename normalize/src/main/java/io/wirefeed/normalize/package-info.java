/**
 * RawDocument to Article: the {@link io.wirefeed.normalize.Normalizer} facade, the one type of this module
 * that other modules may use. Behind it, sub-packages by concern, all internal: {@code text} (plain-text
 * copy and its chrome), {@code html} (main content and page metadata), {@code wire} (dateline, source agency,
 * credited sources), {@code quote} (quotes and their speakers) and {@code lang} (language guess, folding,
 * the shape of prose). Their layering is one-way: html -> text -> wire -> lang, quote -> lang, and none
 * of them depends on this package. Pure functions: no I/O, no clock, no mutable static state.
 */
package io.wirefeed.normalize;
