package io.wirefeed.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.normalize.text.Boilerplate.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      Taille du Texte                                               => WIDGET
      T+ | T-                                                       => WIDGET
      RSS                                                           => WIDGET
      Partager                                                      => WIDGET
      Compartir                                                     => WIDGET
      Teilen                                                        => WIDGET
      Facebook | Twitter | WhatsApp                                 => WIDGET
      Accueil > Monde > Moyen-Orient                                => WIDGET
      Publié le 2017-10-18 à 22:55 | french.xinhuanet.com           => PUBLISHED
      Actualizado: 18/10/2019 12:40                                 => PUBLISHED
      18. Oktober 2019, 14:32 Uhr                                   => PUBLISHED
      (Reporting by Florence Tan; Editing by Christian Schmollinger) => CREDIT
      Reporting by Florence Tan; Editing by Christian Schmollinger   => CREDIT
      Copyright 2022 The Associated Press. All Rights Reserved.     => COPYRIGHT
      © 2019 AFP                                                    => COPYRIGHT
      Tous droits réservés                                          => COPYRIGHT
      jmt/dch                                                       => SIGNOFF
      (FIN)                                                         => SIGNOFF
      EFE                                                           => SIGNOFF
      Reuter                                                        => SIGNOFF
      french.xinhuanet.com                                          => SITE
      By JONATHAN J. COOPER                                         => BYLINE
      Par Jean Dupont                                               => BYLINE
      Lire aussi : La Syrie accuse Israël                           => READ_MORE
      Leggi anche                                                   => READ_MORE
      010020070770000000000000011199231366897371----                => NUMERIC
      """)
  void recognisesChromeLines(String line, Kind kind) {
    assertThat(Boilerplate.classify(line)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Le chef d'état-major de l'armée syrienne a convenu mercredi de renforcer la coopération.",
      "Published in 2019, the report found that emissions rose by 3 percent in a decade.",
      "Writing about the crisis, the author argues that nothing has changed since 2008.",
      "Related to the case, two men were arrested on Monday in Lyon.",
      "Par ailleurs, le ministre a annoncé une hausse du budget.",
      "Di Maio, che guida il movimento, ha detto che il governo durerà.",
      "Shr 21 cts vs eight cts",
      "La Syrie et l'Iran entendent renforcer leur coopération militaire"})
  void leavesStoryTextAlone(String line) {
    assertThat(Boilerplate.classify(line)).isEqualTo(Kind.NONE);
  }
}
