package io.wirefeed.normalize.quote;

/**
 * A word, a punctuation mark, or a whole quotation (as one placeholder) of a paragraph.
 *
 * @param text the characters as printed
 * @param lower lower case, with typographic apostrophes made straight
 * @param start offset in the paragraph
 * @param end offset after the token in the paragraph
 * @param kind word, punctuation or quotation placeholder
 * @param quote index of the quotation for a placeholder, else -1
 * @param capitalized a word whose first letter is upper case, or a name part like "al-Assad"
 * @param allCaps a word written all in capitals ("DAMAS", "AFP")
 */
record AttributionToken(
    String text,
    String lower,
    int start,
    int end,
    Kind kind,
    int quote,
    boolean capitalized,
    boolean allCaps) {

  /** A token whose case flags are computed from its text. */
  static AttributionToken of(String text, String lower, int start, int end, Kind kind, int quote) {
    return new AttributionToken(
        text,
        lower,
        start,
        end,
        kind,
        quote,
        kind == Kind.WORD && isCapitalized(text),
        kind == Kind.WORD && isAllCaps(text));
  }

  /** What a token is. */
  enum Kind {
    WORD,
    PUNCT,
    QUOTE
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean isQuote() {
    return kind == Kind.QUOTE;
  }

  boolean isPunct(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  boolean isPunct() {
    return kind == Kind.PUNCT;
  }

  /** True for a word whose first letter is upper case, or a name part like "al-Assad". */
  private static boolean isCapitalized(String text) {
    if (text.isEmpty()) {
      return false;
    }
    if (Character.isUpperCase(text.codePointAt(0))) {
      return true;
    }
    int dash = text.indexOf('-');
    return dash > 0
        && dash <= 3
        && dash + 1 < text.length()
        && Character.isUpperCase(text.codePointAt(dash + 1));
  }

  /** True when the whole word is upper case, as in a dateline or a shouted headline. */
  private static boolean isAllCaps(String text) {
    boolean letter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }
}
