package io.wirefeed.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Filters applied inside the chosen article container. */
class ContentExtractorTest {
  private static final String LEAD = "<p>The regional council approved the budget on Tuesday after a long debate, "
      + "with most members backing the new transport plan and the school repairs.</p>";

  private static List<String> paragraphs(String articleHtml) {
    return ContentExtractor.extract(Jsoup.parse("<html><body><article>" + articleHtml + "</article></body></html>")
        .body(), "Council approves budget", List.of()).paragraphs();
  }

  @Test
  void keepsLeadSentenceThatStartsLikeAByline() {
    assertThat(paragraphs("<p>By the end of the day, the council had approved the budget.</p>" + LEAD))
        .first().asString().startsWith("By the end of the day");
  }

  @Test
  void dropsPrintedBylineAndRepeatedHeadline() {
    assertThat(paragraphs("<h1>Council approves budget</h1><p>By JANE ROE, Wire Service</p>" + LEAD))
        .singleElement().asString().startsWith("The regional council");
  }

  @Test
  void dropsLabelsCaptionsAndTimestamps() {
    assertThat(paragraphs("<p>Published 10:48, Tue, Nov 19, 2019 | Updated 11:05</p>" + LEAD
        + "<p>ADVERTISEMENT</p><div>Council members vote in the chamber (Image: GETTY)</div>"
        + "<p>Like this story? Share it with a friend!</p>")).hasSize(1);
  }

  @Test
  void keepsListItemsWhoseLeadIsALinkButDropsLinkLists() {
    List<String> out = paragraphs(LEAD + "<ul><li><a href='/a'>Transport plan approved</a> — the council backed "
        + "new bus lanes and a tram study for the northern districts.</li></ul>"
        + "<ul><li><a href='/b'>Other story one</a></li><li><a href='/c'>Other story two</a></li></ul>");

    assertThat(out).hasSize(2);
    assertThat(out.get(1)).startsWith("Transport plan approved — the council");
  }

  @Test
  void dropsHeadingWhoseSectionWasAllChrome() {
    assertThat(paragraphs(LEAD + "<h3>Related stories</h3><ul><li><a href='/a'>Bus fares rise in spring again</a></li>"
        + "<li><a href='/b'>Tram study delayed until next year</a></li></ul>"))
        .singleElement().asString().startsWith("The regional council");
  }

  @Test
  void keepsSubheadingFollowedByText() {
    assertThat(paragraphs(LEAD + "<h2>What happens next</h2><div class='ad-slot'>Advertisement</div>" + LEAD
        .replace("Tuesday", "Wednesday"))).containsSubsequence("What happens next");
  }

  @Test
  void dropsRunsOfStoryCards() {
    StringBuilder html = new StringBuilder(LEAD);
    for (int i = 0; i < 4; i++) {
      html.append("<div class='card'><a class='t' href='/s").append(i).append("'>Another headline number ")
          .append(i).append("</a><p class='d'>A one-line summary of that other story.</p></div>");
    }

    assertThat(paragraphs(html.toString())).singleElement().asString().startsWith("The regional council");
  }
}
