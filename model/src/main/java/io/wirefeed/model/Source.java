package io.wirefeed.model;

/**
 * Who wrote the story and where it was fetched.
 *
 * @param agency canonical agency name (from dateline, byline or feed configuration), or null
 * @param site host the document was fetched from, or null
 */
public record Source(String agency, String site) {}
