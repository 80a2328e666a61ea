package io.wirefeed.normalize.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.normalize.lang.Folding;
import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The table-driven Latin-1 folding gives exactly the keys of a full Unicode decomposition. */
class FoldingTest {

  @Property(tries = 500)
  void foldsLatin1TextLikeTheUnicodeDecomposition(@ForAll("latin1Words") String s) {
    assertThat(Folding.key(s)).isEqualTo(referenceKey(s));
    assertThat(SpeakerLexicon.fold(s)).isEqualTo(referenceSpeakerFold(s));
  }

  @Property(tries = 200)
  void foldsOtherScriptsAsBefore(@ForAll("mixedWords") String s) {
    assertThat(Folding.key(s)).isEqualTo(referenceKey(s));
    assertThat(SpeakerLexicon.fold(s)).isEqualTo(referenceSpeakerFold(s));
  }

  @Example
  void foldsEveryLatin1CharacterAlone() {
    for (char c = 0; c <= 0xFF; c++) {
      String s = "x" + c + "Y";
      assertThat(Folding.key(s)).as("U+%04X", (int) c).isEqualTo(referenceKey(s));
      assertThat(SpeakerLexicon.fold(s)).as("U+%04X", (int) c).isEqualTo(referenceSpeakerFold(s));
    }
  }

  @Example
  void foldsAccentedAgencyNames() {
    assertThat(Folding.key("Agência  Lusa")).isEqualTo("agencia lusa");
    assertThat(Folding.key("L’Agence FRANCE-Presse")).isEqualTo("l agence france presse");
    assertThat(SpeakerLexicon.fold("Président")).isEqualTo("president");
  }

  @Provide
  Arbitrary<String> latin1Words() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> mixedWords() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00FF').withCharRange('\u0100', '\u024F')
        .withChars('’', 'İ', 'ı', 'ſ', 'Σ', 'ς', '\u0301', '\u212A', '–').ofMaxLength(20);
  }

  /** Folding.key as first written: decompose, drop marks, collapse separators, lower. */
  private static String referenceKey(String s) {
    String base = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    StringBuilder out = new StringBuilder();
    boolean pendingSpace = false;
    for (char c : base.toCharArray()) {
      if (" \t\n\r\u00A0-‐‑–—_/.’'`´".indexOf(c) >= 0 || Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** SpeakerLexicon.fold as first written. */
  private static String referenceSpeakerFold(String s) {
    if (s.chars().allMatch(c -> c < 0x80)) {
      return s.toLowerCase(Locale.ROOT);
    }
    StringBuilder b = new StringBuilder();
    for (char c : Normalizer.normalize(s, Normalizer.Form.NFD).toCharArray()) {
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c == '’' ? '\'' : c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
