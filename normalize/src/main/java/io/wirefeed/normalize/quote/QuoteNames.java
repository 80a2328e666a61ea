package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerIndex.Person;
import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.HashSet;
import java.util.Set;

/**
 * The people a quotation names in its own words. Such a person is not its speaker ("Ray Cole has
 * failed this state" is not Cole's), so attribution never guesses them. Read on first use, since
 * most quotations are attributed by a name and never ask.
 */
final class QuoteNames {
  private final String text;

  /**
   * "first|last" for a first name and a surname ("Ray Cole"), "~title|last" for a surname after a
   * title ("Senator Cole", "Mr. Cole"), "|last" for a surname alone.
   */
  private Set<String> keys;

  QuoteNames(String text) {
    this.text = text;
  }

  /**
   * Whether the quotation names this person: by first name and surname, by a title that fits them,
   * or by a surname no one else in the story bears ({@code onlyBearer}): "President Clinton" in a
   * quote does not rule out Chelsea Clinton as its speaker.
   */
  boolean names(Person p, boolean onlyBearer) {
    if (keys == null) {
      keys = read(text);
    }
    if (keys.isEmpty()) {
      return false;
    }
    String last = SpeakerLexicon.fold(p.tokens.get(p.tokens.size() - 1));
    String first = p.tokens.size() > 1 ? SpeakerLexicon.fold(p.tokens.get(0)) : null;
    String suffix = "|" + last;
    for (String key : keys) {
      if (!key.endsWith(suffix)) {
        continue;
      }
      String before = key.substring(0, key.length() - suffix.length());
      if (before.isEmpty()) {
        if (onlyBearer) {
          return true; // "Cole has failed"
        }
      } else if (before.startsWith("~")) {
        if (titleFits(p, before.substring(1))) {
          return true; // "Mr. Trump", "Senator Cole"
        }
      } else if (before.equals(first) || (first == null && onlyBearer)) {
        return true; // "Ray Cole", or "Ann Pike" for someone known only as "Pike"
      }
    }
    return false;
  }

  private static boolean titleFits(Person p, String title) {
    Gender honorific = SpeakerLexicon.honorific(title);
    if (honorific != null) {
      return honorific == Gender.UNKNOWN || honorific == p.gender;
    }
    String role = SpeakerRoles.roleOf(title);
    return role != null && p.roles.contains(role);
  }

  private static Set<String> read(String text) {
    Set<String> out = new HashSet<>();
    String previous = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int gap = i;
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      boolean adjacent = i - gap <= 1 && (i == gap || text.charAt(gap) == ' ');
      int s = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      if (i == s) {
        break;
      }
      String word = SpeakerLexicon.fold(text.substring(s, i));
      if (!Character.isUpperCase(text.charAt(s))) {
        previous = null;
        continue;
      }
      boolean linked = previous != null && adjacent;
      if (linked && SpeakerLexicon.isTitleWord(previous)) {
        out.add("~" + previous + "|" + word);
      } else if (linked && !SpeakerLexicon.isNotName(previous)) {
        out.add(previous + "|" + word);
      } else {
        out.add("|" + word);
      }
      previous = word;
    }
    return out;
  }
}
