package io.wirefeed.normalize.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceCaseTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      DAMAS                       | Damas
      RIO DE JANEIRO              | Rio de Janeiro
      KNOKKE-HEIST                | Knokke-Heist
      PORT-AU-PRINCE              | Port-au-Prince
      STOKE-ON-TRENT              | Stoke-on-Trent
      L'AQUILA                    | L'Aquila
      COTE D'IVOIRE               | Cote d'Ivoire
      ST. LOUIS                   | St. Louis
      MCLEAN                      | McLean
      CASTELLÓN DE LA PLANA       | Castellón de la Plana
      FRANKFURT AM MAIN           | Frankfurt am Main
      st louis                    | St Louis
      San Lorenzo de El Escorial  | San Lorenzo de El Escorial
      Santiago de Chile           | Santiago de Chile
      """)
  void putsCapitalisedPlacesInNormalCase(String printed, String normal) {
    assertThat(PlaceCase.normal(printed, false)).isEqualTo(normal);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      N.Y.      | N.Y.
      NY        | NY
      CALIF.    | Calif.
      W.VA.     | W.Va.
      """)
  void keepsInitialsAndStateCodesInQualifiers(String printed, String normal) {
    assertThat(PlaceCase.normal(printed, true)).isEqualTo(normal);
  }
}
