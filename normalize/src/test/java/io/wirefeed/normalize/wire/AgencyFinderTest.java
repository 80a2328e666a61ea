package io.wirefeed.normalize.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Dateline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgencyFinderTest {
  private static final List<String> STORY = List.of(
      "The government announced a new budget on Monday, officials said.",
      "The plan includes tax cuts for small businesses and new spending on rail.");
  private final AgencyFinder finder = new AgencyFinder();

  @Test
  void prefersTheDatelineAgency() {
    Dateline dateline = new Dateline("PARIS (AFP) -", "Paris", null, null, "AFP");

    assertThat(finder.find(dateline, lines("By Reuters"), List.of(), null, "Xinhua", "apnews.com")).isEqualTo("AFP");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Par AFP                                        | AFP
      By Reuters                                     | Reuters
      Von dpa                                        | dpa
      Por EFE                                        | EFE
      Par Le Figaro avec AFP                         | AFP
      By Reuters Staff                               | Reuters
      By The Associated Press                        | AP
      Par Jean Dupont (AFP)                          | AFP
      """)
  void readsTheAgencyFromAByline(String byline, String agency) {
    assertThat(finder.find(null, lines(byline), List.of(), null, null, null)).isEqualTo(agency);
  }

  @Test
  void doesNotTakeAPersonForAnAgency() {
    assertThat(finder.find(null, lines("By Petra Schmidt"), List.of(), null, null, null)).isNull();
  }

  @Test
  void readsReutersFromItsCreditLine() {
    List<String> lines = new java.util.ArrayList<>(STORY);
    lines.add("(Reporting by Florence Tan; Editing by Christian Schmollinger)");

    assertThat(finder.find(null, lines, List.of(), null, null, null)).isEqualTo("Reuters");
  }

  @Test
  void readsTheAgencyFromACopyrightLine() {
    List<String> lines = new java.util.ArrayList<>(STORY);
    lines.add("Copyright 2024 The Associated Press. All rights reserved.");

    assertThat(finder.find(null, lines, List.of(), null, null, null)).isEqualTo("AP");
  }

  @Test
  void readsTheAgencyFromAPageFooter() {
    String html = "<html><body><p>Story.</p><footer>© 2019 AFP. Tous droits réservés.</footer></body></html>";

    assertThat(finder.find(null, STORY, List.of(), html, null, null)).isEqualTo("AFP");
  }

  @Test
  void readsAnArchiveSignOffRunIntoTheLastSentence() {
    List<String> lines = List.of("NEW YORK, March 3 - Acme said it agreed to buy Borden's unit.",
        "Acme shares rose 1-1/4 to 31-3/8. Reuter");

    assertThat(finder.find(null, lines, List.of(), null, null, null)).isEqualTo("Reuters");
  }

  @Test
  void fallsBackOnTheFeedHintThenTheHost() {
    assertThat(finder.find(null, STORY, List.of(), null, "Agence France-Presse", "www.lemonde.fr")).isEqualTo("AFP");
    assertThat(finder.find(null, STORY, List.of(), null, null, "english.news.cn")).isEqualTo("Xinhua");
    assertThat(finder.find(null, STORY, List.of(), null, null, "www.lemonde.fr")).isNull();
  }

  private static List<String> lines(String byline) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("Budget: what changes for you");
    lines.add(byline);
    lines.addAll(STORY);
    return lines;
  }
}
