package io.wirefeed.normalize.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {
  private final LanguageGuesser guesser = new LanguageGuesser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      fr => Le gouvernement a présenté mercredi son projet de budget, qui prévoit une baisse des impôts pour les ménages.
      en => The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation.
      es => El Gobierno aprobó hoy el proyecto de ley de presupuestos, que incluye una rebaja de impuestos.
      de => Die Bundesregierung will die Steuern im kommenden Jahr senken, kündigte der Finanzminister an.
      pt => O Governo aprovou hoje a proposta de Orçamento do Estado, que prevê uma descida dos impostos.
      it => Il governo ha approvato oggi la legge di bilancio, che prevede un taglio delle tasse per le famiglie.
      """)
  void detectsTheLanguageOfWireCopy(String language, String text) {
    assertThat(guesser.guess(text)).isEqualTo(language);
  }

  @Test
  void trustsTheTextOverAWrongHint() {
    String french = "Les deux chefs militaires ont discuté des réalisations effectuées dans la lutte antiterroriste.";

    assertThat(guesser.guess(french, "en-US")).isEqualTo("fr");
  }

  @Test
  void detectsCopyPrintedInCapitals() {
    assertThat(guesser.guess("THE FOLLOWING RAINFALL WAS RECORDED IN THE 24 HOURS UP TO NOON TODAY IN THE STATE"))
        .isEqualTo("en");
  }

  @Test
  void fallsBackOnTheHintWhenTheTextHasNoWords() {
    assertThat(guesser.guess("1.46 2.13 -- 0.5 %", null, "pt-BR")).isEqualTo("pt");
    assertThat(guesser.guess("", (String) null)).isNull();
  }
}
