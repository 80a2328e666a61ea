package io.wirefeed.normalize.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgenciesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      AP                           | AP
      The Associated Press         | AP
      Associated Press             | AP
      AFP                          | AFP
      Agence France-Presse         | AFP
      agence france presse         | AFP
      Reuters                      | Reuters
      Thomson Reuters              | Reuters
      REUTER                       | Reuters
      Xinhua News Agency           | Xinhua
      Agence de presse Xinhua      | Xinhua
      Agencia EFE                  | EFE
      Deutsche Presse-Agentur      | dpa
      DPA                          | dpa
      Agência Lusa                 | Lusa
      Agencia Lusa                 | Lusa
      ITAR-TASS                    | TASS
      Yonhap News Agency           | Yonhap
      Kyodo News                   | Kyodo
      United Press International   | UPI
      Keystone-ATS                 | ATS
      SDA                          | ATS
      ATS/SDA                      | ATS
      Anadolu Agency               | Anadolu
      AA                           | Anadolu
      Press Trust of India         | PTI
      Islamic Republic News Agency | IRNA
      Syrian Arab News Agency      | SANA
      Korean Central News Agency   | KCNA
      RIA Novosti                  | RIA Novosti
      Europa Press                 | Europa Press
      Algérie Presse Service       | APS
      Algerie Presse Service       | APS
      """)
  void resolvesAliasesToCanonicalName(String alias, String canonical) {
    assertThat(Agencies.canonical(alias)).isEqualTo(canonical);
  }

  @Test
  void returnsNullForUnknownNames() {
    assertThat(Agencies.canonical("Le Monde")).isNull();
    assertThat(Agencies.canonical("")).isNull();
    assertThat(Agencies.canonical(null)).isNull();
    assertThat(Agencies.isKnown("General Ayoub")).isFalse();
  }

  @Test
  void findsAgencyByHostOrParentDomain() {
    assertThat(Agencies.byHost("french.xinhuanet.com")).isEqualTo("Xinhua");
    assertThat(Agencies.byHost("www.reuters.com")).isEqualTo("Reuters");
    assertThat(Agencies.byHost("apnews.com")).isEqualTo("AP");
    assertThat(Agencies.byHost("www.lemonde.fr")).isNull();
    assertThat(Agencies.byHost(null)).isNull();
  }
}
