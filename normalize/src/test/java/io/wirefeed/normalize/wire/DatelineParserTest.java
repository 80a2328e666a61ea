package io.wirefeed.normalize.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Dateline;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {
  private static final LocalDate PUBLISHED = LocalDate.of(2019, 10, 18);
  private final DatelineParser parser = new DatelineParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      DAMAS, 18 octobre (Xinhua) -- Le chef d'état-major a convenu     | DAMAS, 18 octobre (Xinhua) --  | Damas          | null     | 2019-10-18 | Xinhua
      BEIJING, March 5 (Xinhua) -- China will keep its target          | BEIJING, March 5 (Xinhua) --   | Beijing        | null     | 2019-03-05 | Xinhua
      BUENOS AIRES, 6 feb (Xinhua) -- El presidente argentino afirmó   | BUENOS AIRES, 6 feb (Xinhua) -- | Buenos Aires  | null     | 2019-02-06 | Xinhua
      Paris, 12 mars 2019 (AFP) - Le président a annoncé               | Paris, 12 mars 2019 (AFP) -    | Paris          | null     | 2019-03-12 | AFP
      Tehran (AFP) – Iran on Sunday rejected a proposal                | Tehran (AFP) –                 | Tehran         | null     | null       | AFP
      Paris, 12 juil. 2021 (AFP) - Le président Emmanuel Macron        | Paris, 12 juil. 2021 (AFP) -   | Paris          | null     | 2021-07-12 | AFP
      LONDON, Oct 18 (Reuters) - Sterling fell on Friday               | LONDON, Oct 18 (Reuters) -     | London         | null     | 2019-10-18 | Reuters
      NEW YORK, March 3 - Acme Industries Inc said it agreed           | NEW YORK, March 3 -            | New York       | null     | 2019-03-03 | null
      WASHINGTON (AP) — The Senate voted on Tuesday                    | WASHINGTON (AP) —              | Washington     | null     | null       | AP
      DAKAR, Senegal (AP) — Senegal's president on Thursday            | DAKAR, Senegal (AP) —          | Dakar, Senegal | Senegal  | null       | AP
      Madrid, 18 oct (EFE).- El Congreso aprobó hoy la ley             | Madrid, 18 oct (EFE).-         | Madrid         | null     | 2019-10-18 | EFE
      Algeciras (Cádiz), 2 nov (EFE).- Un millar de personas           | Algeciras (Cádiz), 2 nov (EFE).- | Algeciras (Cádiz) | Cádiz | 2018-11-02 | EFE
      Berlin (dpa) - Die Bundesregierung will die Steuer senken        | Berlin (dpa) -                 | Berlin         | null     | null       | dpa
      Berlin/Kiew (dpa) - Die Ukraine erhält weitere Waffen            | Berlin/Kiew (dpa) -            | Berlin/Kiew    | null     | null       | dpa
      Hamburg, 18. Oktober (dpa) - Der Hafen meldet Rekordumschlag     | Hamburg, 18. Oktober (dpa) -   | Hamburg        | null     | 2019-10-18 | dpa
      (ANSA) - ROMA, 20 AGO - Il governo ha approvato oggi             | (ANSA) - ROMA, 20 AGO -        | Roma           | null     | 2019-08-20 | ANSA
      Lisboa, 27 out 2021 (Lusa) - O Parlamento chumbou hoje           | Lisboa, 27 out 2021 (Lusa) -   | Lisboa         | null     | 2021-10-27 | Lusa
      Porto, 3 de dezembro (Lusa) - A câmara aprovou o plano           | Porto, 3 de dezembro (Lusa) -  | Porto          | null     | 2018-12-03 | Lusa
      MOSCOW, October 18. /TASS/. Russia's central bank kept           | MOSCOW, October 18. /TASS/.    | Moscow         | null     | 2019-10-18 | TASS
      SEOUL, Oct. 18 (Yonhap) -- North Korea fired a missile           | SEOUL, Oct. 18 (Yonhap) --     | Seoul          | null     | 2019-10-18 | Yonhap
      TOKYO (Kyodo) -- Japan's economy grew at an annualized rate      | TOKYO (Kyodo) --               | Tokyo          | null     | null       | Kyodo
      WASHINGTON, Oct. 17 (UPI) -- The House passed a bill             | WASHINGTON, Oct. 17 (UPI) --   | Washington     | null     | 2019-10-17 | UPI
      DEN HAAG (ANP) - Het kabinet presenteert vandaag                 | DEN HAAG (ANP) -               | Den Haag       | null     | null       | ANP
      BRUXELLES 18/10 (BELGA) - Le gouvernement fédéral a approuvé     | BRUXELLES 18/10 (BELGA) -      | Bruxelles      | null     | 2019-10-18 | Belga
      Genève (Keystone-ATS) - Le Conseil fédéral a décidé              | Genève (Keystone-ATS) -        | Genève         | null     | null       | ATS
      Bern (SDA) - Der Bundesrat hat am Freitag entschieden            | Bern (SDA) -                   | Bern           | null     | null       | ATS
      ANKARA (AA) - Turkey's parliament approved the bill              | ANKARA (AA) -                  | Ankara         | null     | null       | Anadolu
      New Delhi, Oct 18 (PTI) The government on Friday said            | New Delhi, Oct 18 (PTI)        | New Delhi      | null     | 2019-10-18 | PTI
      RIO DE JANEIRO, Sept 16 (Reuters) - Brazil's central bank        | RIO DE JANEIRO, Sept 16 (Reuters) - | Rio de Janeiro | null | 2019-09-16 | Reuters
      PORT-AU-PRINCE, Haiti (AP) — Gangs blocked the main road         | PORT-AU-PRINCE, Haiti (AP) —   | Port-au-Prince, Haiti | Haiti | null  | AP
      L'AQUILA, 6 apr. (ANSA) - Dieci anni dopo il terremoto           | L'AQUILA, 6 apr. (ANSA) -      | L'Aquila       | null     | 2019-04-06 | ANSA
      CHULA VISTA, CALIF., OCT 20 - Rohr Industries said it would      | CHULA VISTA, CALIF., OCT 20 -  | Chula Vista, Calif. | Calif. | 2019-10-20 | null
      ABIDJAN, Côte d'Ivoire (AP) — The president named a new cabinet  | ABIDJAN, Côte d'Ivoire (AP) —  | Abidjan, Côte d'Ivoire | Côte d'Ivoire | null | AP
      LONDON — Britain's economy shrank in the third quarter           | LONDON —                       | London         | null     | null       | null
      (Reuters) - Apple Inc said on Tuesday it would buy back shares   | (Reuters) -                    | null           | null     | null       | Reuters
      """)
  void parsesDatelineInEveryAgencyStyle(String paragraph, String text, String place, String qualifier, String date,
      String agency) {
    Optional<DatelineParser.Found> found = parser.parse(paragraph, PUBLISHED);

    assertThat(found).isPresent();
    Dateline d = found.get().dateline();
    assertThat(d.text()).isEqualTo(text.strip());
    assertThat(d.place()).isEqualTo(place);
    assertThat(d.qualifier()).isEqualTo(qualifier);
    assertThat(d.date()).isEqualTo(date == null ? null : LocalDate.parse(date));
    assertThat(d.agency()).isEqualTo(agency);
    assertThat(found.get().rest()).isEqualTo(paragraph.substring(paragraph.indexOf(text.strip()) + text.strip().length())
        .strip());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Paris is a city that never stops reinventing itself.",
      "Paris, 12 mars 2019, le président a annoncé un plan.",
      "Le président (PS) a dit qu'il ne se représenterait pas.",
      "Trump (R) - 45%, Biden (D) - 43%",
      "BREAKING - Explosion reported near the port",
      "Oil prices jump after attack on Saudi facilities",
      "Taille du Texte",
      "T+ | T-",
      "Publié le 2017-10-18 à 22:55 | french.xinhuanet.com",
      "\"We will not back down,\" the minister said - and left.",
      "Mr. Smith - who led the company for a decade - resigned.",
      "Loudun (Francia) - El belga ganó la etapa"})
  void findsNoDatelineInOrdinaryText(String paragraph) {
    assertThat(parser.parse(paragraph, PUBLISHED)).isEmpty();
  }

  @Test
  void datesDecemberDatelinePublishedInJanuaryToThePreviousYear() {
    Dateline d = parser.parse("SEOUL, Dec. 31 (Yonhap) -- North Korea fired", LocalDate.of(2023, 1, 1))
        .orElseThrow().dateline();

    assertThat(d.date()).isEqualTo(LocalDate.of(2022, 12, 31));
  }

  @Test
  void datesJanuaryDatelinePublishedOnNewYearsEveToTheNextYear() {
    Dateline d = parser.parse("SYDNEY, Jan 1 (Reuters) - Fireworks lit up the harbour", LocalDate.of(2019, 12, 31))
        .orElseThrow().dateline();

    assertThat(d.date()).isEqualTo(LocalDate.of(2020, 1, 1));
  }

  @Test
  void keepsPrintedYearWhateverThePublicationTime() {
    Dateline d = parser.parse("Paris, 12 mars 2015 (AFP) - Le procès s'ouvre", LocalDate.of(2019, 10, 18))
        .orElseThrow().dateline();

    assertThat(d.date()).isEqualTo(LocalDate.of(2015, 3, 12));
  }

  @Test
  void leavesDateNullWithoutYearOrPublicationTime() {
    Dateline d = parser.parse("DAMAS, 18 octobre (Xinhua) -- Le chef", null).orElseThrow().dateline();

    assertThat(d.date()).isNull();
    assertThat(d.place()).isEqualTo("Damas");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      PARIS, 3 janv. (AFP) - Texte          | 1
      PARIS, 3 FÉVR. (AFP) - Texte          | 2
      Madrid, 3 ene (EFE).- Texto           | 1
      Berlin, 3. März (dpa) - Text          | 3
      Berlin, 3. Maerz (dpa) - Text         | 3
      Lisboa, 3 mai 2020 (Lusa) - Texto     | 5
      ROMA, 3 GIU - (ANSA) Testo            | 6
      ROMA, 3 lug. (ANSA) - Testo           | 7
      Paris, 3 août (AFP) - Texte           | 8
      Paris, 3 aout (AFP) - Texte           | 8
      Madrid, 3 set (EFE).- Texto           | 9
      WASHINGTON, Sept. 3 (UPI) -- Text     | 9
      Lisboa, 3 out (Lusa) - Texto          | 10
      ROMA, 3 ott (ANSA) - Testo            | 10
      Wien, 3. Dez. (APA) - Text            | 12
      Madrid, 3 dic (EFE).- Texto           | 12
      """)
  void readsMonthNamesInSixLanguagesWithOrWithoutDots(String paragraph, int month) {
    Optional<DatelineParser.Found> found = parser.parse(paragraph, PUBLISHED);

    assertThat(found).isPresent();
    assertThat(found.get().dateline().date()).isNotNull();
    assertThat(found.get().dateline().date().getMonthValue()).isEqualTo(month);
  }

  @Test
  void staysFastOnLongParagraphsOfCapitals() {
    String capitals = "NEW YORK ".repeat(200_000) + "- text";
    long start = System.nanoTime();

    parser.parse(capitals, PUBLISHED);

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }
}
