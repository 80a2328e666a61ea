package io.wirefeed.normalize.quote;

/**
 * Where a quotation sits in the body, before it is judged and attributed.
 *
 * @param paragraph paragraph of the opening mark
 * @param open offset of the opening mark in that paragraph
 * @param end offset where the quotation (closing mark included) ends in that paragraph
 * @param lastParagraph paragraph where it closes (the same one unless it runs over several)
 * @param lastEnd offset after the closing mark in {@code lastParagraph}
 * @param text the quoted words, marks removed, paragraphs joined by a space
 * @param mark the opening mark ('—' for a dialogue paragraph opened by a dash)
 * @param closed false when no closing mark was found before the end of the paragraph
 */
record QuoteSpan(
    int paragraph,
    int open,
    int end,
    int lastParagraph,
    int lastEnd,
    String text,
    char mark,
    boolean closed) {

  boolean multiParagraph() {
    return lastParagraph != paragraph;
  }

  boolean singleMarks() {
    return mark == '‘' || mark == '‚' || mark == '‹' || mark == '›' || mark == '\'';
  }
}
