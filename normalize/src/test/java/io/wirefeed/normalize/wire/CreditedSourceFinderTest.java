package io.wirefeed.normalize.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.CreditedSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditedSourceFinderTest {
  private final CreditedSourceFinder finder = new CreditedSourceFinder();

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      Les deux chefs ont discuté de la lutte antiterroriste, a rapporté l'agence de presse SANA.          | SANA          | a rapporté l'agence de presse SANA
      Un accord a été signé mardi, selon l'agence officielle APS.                                         | APS           | selon l'agence officielle APS
      Le ministre a salué sur France Inter une décision courageuse.                                       | France Inter  | sur France Inter
      Le texte sera examiné lundi, a indiqué le quotidien Le Parisien.                                    | Le Parisien   | a indiqué le quotidien Le Parisien
      Iran rejected the proposal, according to state news agency IRNA.                                   | IRNA          | according to state news agency IRNA
      "We are ready," the minister told the BBC.                                                         | BBC           | told the BBC
      The bank kept rates unchanged, the Interfax news agency quoted an official as saying.               | Interfax      | Interfax news agency quoted
      The statement was carried by KCNA.                                                                  | KCNA          | carried by KCNA
      Part of the output would be restored, state news agency SPA reported.                              | SPA           | news agency SPA reported
      The deal was signed in Ankara, the Daily Sabah newspaper reported.                                  | Daily Sabah   | Daily Sabah newspaper reported
      El acuerdo fue firmado hoy, según informó la agencia Europa Press.                                  | Europa Press  | según informó la agencia Europa Press
      La economía crece, según informó la agencia oficial Télam.                                          | Télam         | según informó la agencia oficial Télam
      La ministra lo confirmó en declaraciones a la cadena SER.                                           | SER           | en declaraciones a la cadena SER
      Die Steuer soll sinken, wie die Nachrichtenagentur Reuters berichtete.                              | Reuters       | Nachrichtenagentur Reuters berichtete
      Das sagte der Minister der Zeitung „Bild“.                                                          | Bild          | sagte der Minister der Zeitung „Bild
      O orçamento foi chumbado, citado pela agência Lusa.                                                 | Lusa          | citado pela agência Lusa
      A proposta foi aprovada, noticiou o jornal Expresso.                                                | Expresso      | noticiou o jornal Expresso
      Il decreto è stato approvato, riferisce l'agenzia Nova.                                             | Nova          | riferisce l'agenzia Nova
      Lo ha detto il ministro al Corriere della Sera.                                                     | Corriere della Sera | ha detto il ministro al Corriere della Sera
      """)
  void findsCreditedSourceInSixLanguages(String paragraph, String name, String text) {
    List<CreditedSource> found = finder.find(List.of(paragraph), null);

    assertThat(found).extracting(CreditedSource::name).containsExactly(name);
    assertThat(found.get(0).text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Two soldiers were killed, according to Reuters and the BBC.                     | Reuters, BBC
      Reuters, AFP and the Associated Press reported the blast.                       | Reuters, AFP, AP
      Le bilan s'alourdit, selon l'AFP et Reuters.                                    | AFP, Reuters
      El sismo fue de magnitud 6, según EFE y Europa Press.                           | EFE, Europa Press
      Die Gespräche gehen weiter, wie Reuters und dpa berichteten.                    | Reuters, dpa
      A notícia foi confirmada pela agência Lusa e pela RTP.                          | Lusa, RTP
      """)
  void creditsEveryOutletOfACoordinatedList(String paragraph, String names) {
    List<CreditedSource> found = finder.find(List.of(paragraph), null);

    assertThat(found).extracting(CreditedSource::name).containsExactlyInAnyOrder(names.split(", "));
  }

  @Test
  void aCoordinatedOutletGetsThePhraseItsCueOrVerbCameWith() {
    List<CreditedSource> found = finder.find(List.of(
        "Leeds told the New York Times and CNN that the man groped her. Reuters and AFP reported the arrest."), null);

    assertThat(found).extracting(CreditedSource::name, CreditedSource::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("The New York Times", "told the New York Times"),
        org.assertj.core.groups.Tuple.tuple("CNN", "told the New York Times and CNN"),
        org.assertj.core.groups.Tuple.tuple("Reuters", "Reuters and AFP reported"),
        org.assertj.core.groups.Tuple.tuple("AFP", "AFP reported"));
  }

  @Test
  void outletsCoordinatedAsTheSubjectOfAnActionAreNotCredited() {
    List<CreditedSource> found = finder.find(List.of(
        "The New York Times and the Gannett newspaper chain filed a motion to unseal the file."), null);

    assertThat(found).extracting(CreditedSource::name).doesNotContain("The New York Times");
  }

  @Test
  void aPersonOrPlaceCoordinatedWithAnOutletIsNotCredited() {
    List<CreditedSource> found = finder.find(List.of(
        "The minister told CNN and President Joe Biden that talks in Geneva and Paris would resume."), null);

    assertThat(found).extracting(CreditedSource::name).containsExactly("CNN");
  }

  @Test
  void countsAnUnknownOutletNamedAfterAMediaNoun() {
    List<CreditedSource> found = finder.find(
        List.of("Les combats ont repris, a rapporté l'agence de presse Mosaïque."), null);

    assertThat(found).extracting(CreditedSource::name).containsExactly("Mosaïque");
  }

  @Test
  void leavesOutTheStorysOwnAgency() {
    List<CreditedSource> found = finder.find(
        List.of("\"O país não precisava disto\", disse à Lusa um dirigente, citado também pela agência Reuters."),
        "Lusa");

    assertThat(found).extracting(CreditedSource::name).containsExactly("Reuters");
  }

  @Test
  void listsEachSourceOnceInOrderOfFirstMention() {
    List<CreditedSource> found = finder.find(List.of(
        "The attack killed 12 people, according to state news agency IRNA.",
        "The semi-official ISNA news agency said the toll could rise, while IRNA reported new arrests."), "AFP");

    assertThat(found).extracting(CreditedSource::name).containsExactly("IRNA", "ISNA");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "\"Nous avons discuté\", a expliqué le général Ayoub.",
      "L'agence de notation Moody's a relevé la note de la France.",
      "The European Space Agency said the launch was postponed.",
      "Paris is a city that never stops reinventing itself.",
      "The agency Monday said it would review the case.",
      "Le ministre a rencontré son homologue à Damas mercredi.",
      "The newspaper reported that Airbus would raise output."})
  void findsNoCreditWhereNoneIsGiven(String paragraph) {
    assertThat(finder.find(List.of(paragraph), null)).isEmpty();
  }
}
