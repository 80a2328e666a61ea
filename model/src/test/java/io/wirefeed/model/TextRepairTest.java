package io.wirefeed.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encoding defects in feed text: C1 controls for windows-1252 punctuation, UTF-8 decoded twice. */
class TextRepairTest {
  /** What a CMS that reads UTF-8 as windows-1252 and writes it out again as UTF-8 publishes. */
  private static String doubleDecoded(String text, String via) {
    return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(via));
  }

  @Test
  void undoesUtf8ThatWasReadAsWindows1252() {
    String original = "\u00c9lection pr\u00e9sidentielle \u2014 \u201cune victoire\u201d, a d\u00e9clar\u00e9 le pr\u00e9sident";
    String broken = doubleDecoded(original, "windows-1252");
    assertThat(broken).contains("\u00c3\u00a9");

    assertThat(TextRepair.repair(broken)).isEqualTo(original);
  }

  @Test
  void undoesTwoLayersOfDoubleDecoding() {
    String once = doubleDecoded("Fran\u00e7ois Hollande a d\u00e9clar\u00e9", "windows-1252");

    assertThat(TextRepair.repair(doubleDecoded(once, "windows-1252"))).isEqualTo("Fran\u00e7ois Hollande a d\u00e9clar\u00e9");
  }

  @Test
  void undoesUtf8ThatWasReadAsLatin1() {
    String original = "A\u00f1o nuevo en Espa\u00f1a: \u201ccalma\u201d en Per\u00fa";

    assertThat(TextRepair.repair(doubleDecoded(original, "ISO-8859-1"))).isEqualTo(original);
  }

  @Test
  void aRightDoubleQuoteWhoseLastByteWasLostIsRecovered() {
    // windows-1252 has no character for 0x9D: the third byte of U+201D comes out as U+FFFD.
    assertThat(TextRepair.repair("\u00e2\u20ac\u0153Cessez-le-feu\u00e2\u20ac\ufffd"))
        .isEqualTo("\u201cCessez-le-feu\u201d");
  }

  @Test
  void genuineAccentedTextIsLeftAlone() {
    for (String genuine : new String[] {"S\u00c3O PAULO, 2 mar (Reuters)", "Pr\u00e9sident \u00e0 No\u00ebl",
        "M\u00fcnchen \u00bbheute\u00ab", "\u00c2ge d'or \u2013 \u00e9t\u00e9", "Fran\u00e7ois Hollande \u00a9 AFP"}) {
      assertThat(TextRepair.repair(genuine)).as(genuine).isEqualTo(genuine);
    }
  }

  @Test
  void c1ControlsFromNumericReferencesBecomeTheirWindows1252Punctuation() {
    assertThat(TextRepair.repair("It\u0092s \u0093quoted\u0094 \u0096 \u0080" + "5")).isEqualTo(
        "It\u2019s \u201cquoted\u201d \u2013 \u20ac5");
    assertThat(TextRepair.repair("a\u0081b")).as("undefined in windows-1252: dropped").isEqualTo("ab");
  }
}
