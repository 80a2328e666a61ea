package io.wirefeed.normalize.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirefeed.model.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who speaks a quotation when the sentence also names other people: objects of "of"/"about", people
 * named inside the quote, appositions, compound titles, organisations' statements. A wrong person
 * is worse than no speaker, so several tests accept a description or null but never the wrong name.
 */
class SpeakerAttributionTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private List<Quote> extract(String language, String... paragraphs) {
    return extractor.extract(List.of(paragraphs), language);
  }

  private String speakerOf(String language, String... paragraphs) {
    List<Quote> quotes = extract(language, paragraphs);
    assertThat(quotes).as("quotes of %s", List.of(paragraphs)).hasSize(1);
    return quotes.get(0).speaker();
  }

  @Test
  void aPlaceEndingARelativeClauseBeforeTheSpeechVerbIsNotThePronounsReferent() {
    for (String place : List.of("près du temple Eikan-do", "à Kyoto")) {
      assertThat(
              speakerOf(
                  "fr",
                  "Aiko Tanaka, qui tient une auberge " + place + ", dit comprendre l'exaspération"
                      + " des riverains.",
                  "« Les touristes font vivre le quartier », a-t-elle confié."))
          .as(place)
          .isEqualTo("Aiko Tanaka");
    }
  }

  // 1. subject + verb + "of"/"about" + object: the object never speaks

  @Test
  void descriptionSubjectIsNotTheObjectNamedAfterAbout() {
    assertThat(
            speakerOf(
                "en",
                "The Texas businessman said about Senator Elizabeth Warren on Monday, \"She will"
                    + " sell the Senate seat.\""))
        .isEqualTo("The Texas businessman");
  }

  @Test
  void descriptionSubjectResolvesToThePersonNamedBeforeNotTheObject() {
    assertThat(
            speakerOf(
                "en",
                "Tom Briggs, a Texas businessman, has given millions to Republican candidates.",
                "The businessman wrote of Senator Elizabeth Warren in his memoir: \"She will sell"
                    + " the Senate seat.\""))
        .isEqualTo("Tom Briggs");
  }

  @Test
  void pronounSubjectIsNotTheObjectOfOfInItsOwnSentence() {
    assertThat(
            speakerOf(
                "en",
                "Senator Mike Lee spoke to reporters after the vote.",
                "Asked about Mitt Romney, he said of the senator, \"He has lost his way.\""))
        .isEqualTo("Mike Lee");
  }

  @Test
  void frenchDescriptionSubjectIsNotTheComplementOfDe() {
    assertThat(
            speakerOf(
                "fr",
                "L'entrepreneur a dit mardi de Pierre Durand : « Il ne sera jamais président de"
                    + " la République. »"))
        .isNotEqualTo("Pierre Durand");
  }

  @Test
  void spanishDescriptionSubjectIsNotTheComplementOfSobre() {
    assertThat(
            speakerOf(
                "es",
                "El empresario habló sobre Luis López durante el mitin: \"Nunca será presidente de"
                    + " este país\"."))
        .isNotEqualTo("Luis López");
  }

  // 2. colon after a clause whose subject is a person; a person named inside the quote

  @Test
  void colonQuoteAfterAClauseWithoutSpeechVerbGoesToTheClauseSubject() {
    assertThat(
            speakerOf(
                "en",
                "Senator Ray Cole blocked the spending bill on Tuesday.",
                "Pike hit back at Cole in a series of posts: \"Ray Cole, blocking everything"
                    + " again!\""))
        .isEqualTo("Pike");
  }

  @Test
  void aPersonNamedInsideTheQuoteNeverSpeaksIt() {
    List<Quote> quotes =
        extract(
            "en",
            "Senator Ray Cole blocked the spending bill on Tuesday.",
            "\"Ray Cole has failed the farmers of this state and he knows it.\"");

    assertThat(quotes).singleElement().satisfies(q -> assertThat(q.speaker()).isNull());
  }

  @Test
  void frenchColonQuoteGoesToTheClauseSubjectNotThePersonInside() {
    assertThat(
            speakerOf(
                "fr",
                "Marine Le Pen a de nouveau critiqué le gouvernement lundi.",
                "Emmanuel Macron a riposté à Marine Le Pen sur les réseaux sociaux : « Marine Le"
                    + " Pen ment encore aux Français. »"))
        .isEqualTo("Emmanuel Macron");
  }

  @Test
  void germanColonQuoteGoesToTheClauseSubjectNotThePersonInside() {
    assertThat(
            speakerOf(
                "de",
                "Friedrich Brandt hatte die Regierung am Montag scharf angegriffen.",
                "Olaf Winter konterte auf der Plattform X: \"Friedrich Brandt blockiert wieder"
                    + " einmal alles.\""))
        .isEqualTo("Olaf Winter");
  }

  // 3. "by saying", "to tweet ... that", "writing that" with the subject earlier

  @Test
  void infinitiveTweetThatGoesToTheSubjectBeforeTo() {
    assertThat(
            speakerOf(
                "en",
                "Governor Ann Pike certified the result on Friday.",
                "The count was over, only for Cole to tweet Monday that \"the vote was"
                    + " stolen.\""))
        .isEqualTo("Cole");
  }

  @Test
  void participleWritingThatGoesToTheSentenceSubject() {
    assertThat(
            speakerOf(
                "en",
                "Governor Ann Pike met Senator Ray Cole on Friday.",
                "But Cole took to social media, writing that Pike was \"a fraud and a coward.\""))
        .isEqualTo("Ray Cole");
  }

  @Test
  void bySayingGoesToTheSentenceSubjectNotTheLastPersonOfThePreviousSentence() {
    assertThat(
            speakerOf(
                "en",
                "Elizabeth Warren praised Senator Bernie Sanders on Friday.",
                "At a rally in Des Moines, Sanders stirred the crowd by saying, \"Billionaires will"
                    + " not buy this election.\""))
        .isEqualTo("Bernie Sanders");
  }

  // 4. the head of a compound noun phrase

  @Test
  void compoundTitleGivesTheHeadNameNotTheNamesake() {
    assertThat(
            speakerOf(
                "en",
                "The documents were released on Friday.",
                "Hillary Clinton campaign spokesman Glen Caplin declined to comment, calling the"
                    + " files \"stolen and doctored.\""))
        .isEqualTo("Glen Caplin");
  }

  @Test
  void compoundTitleWithAnAideGivesTheHeadName() {
    assertThat(
            speakerOf(
                "en",
                "Mark Tilden adviser Rosa Quint declined to comment, calling the report \"pure"
                    + " fiction.\""))
        .isEqualTo("Rosa Quint");
  }

  // 5. appositions between the name and the verb

  @Test
  void appositionWithACityAndStateGivesTheNameBeforeIt() {
    assertThat(
            speakerOf(
                "en",
                "Mark Diaz, a 48-year-old welder from Dayton, Ohio, says Kasich will \"win this"
                    + " state.\""))
        .isEqualTo("Mark Diaz");
  }

  @Test
  void ofCityAndStateBeforeTheVerbGivesTheName() {
    assertThat(speakerOf("en", "Ana Lee of Tampa, Florida says she \"never doubted him.\""))
        .isEqualTo("Ana Lee");
    assertThat(speakerOf("en", "Ana Lee of Tampa, Florida, says she \"never doubted him.\""))
        .isEqualTo("Ana Lee");
  }

  @Test
  void possessiveTitleGivesTheStrategistNotTheCandidate() {
    assertThat(
            speakerOf(
                "en",
                "Kasich's chief strategist John Weaver says in a statement that the contest is now"
                    + " \"a four-way race.\""))
        .isEqualTo("John Weaver");
  }

  @Test
  void spanishAppositionWithCityAndCountryGivesTheName() {
    assertThat(
            speakerOf(
                "es",
                "Marcos Díaz, un soldador de 48 años de Valencia, España, asegura que Kasich va a"
                    + " \"ganar este estado\"."))
        .isEqualTo("Marcos Díaz");
  }

  @Test
  void frenchAndGermanAppositionsGiveTheName() {
    assertThat(
            speakerOf(
                "fr",
                "Marc Dubois, un soudeur de 48 ans de Villeurbanne, près de Lyon, affirme que"
                    + " Kasich va « gagner cet Etat »."))
        .isEqualTo("Marc Dubois");
    assertThat(
            speakerOf(
                "de",
                "Markus Weber, ein 48-jähriger Schweißer aus Dortmund, Nordrhein-Westfalen, sagt,"
                    + " Kasich werde \"diesen Staat gewinnen\"."))
        .isEqualTo("Markus Weber");
  }

  // 6. things that are not speakers

  @Test
  void aPrepositionalPhraseBeforeTheVerbIsNotTheSpeaker() {
    assertThat(
            speakerOf(
                "en",
                "Senator Ann Pike took the microphone and in a low voice said, \"We will not give"
                    + " up.\""))
        .isEqualTo("Ann Pike");
  }

  @Test
  void pronounsThatAreNotPeopleAndDocumentsAreNoSpeakers() {
    assertThat(speakerOf("en", "It said in a statement: \"We will not comment on the lawsuit.\""))
        .isNull();
    assertThat(speakerOf("en", "A separate June memo said the plan would \"cost billions.\""))
        .isNull();
    assertThat(speakerOf("en", "One message said: \"We are coming for you tonight.\"")).isNull();
  }

  @Test
  void frenchDocumentIsNoSpeaker() {
    assertThat(
            speakerOf(
                "fr",
                "Une note interne datée de juin affirme que le projet coûtera « des milliards »."))
        .isNull();
  }

  // 7. an organisation's statement

  @Test
  void statementParagraphGoesToTheOrganisationThatIssuedIt() {
    assertThat(
            speakerOf(
                "en",
                "The Democratic National Committee issued a statement on Tuesday apologizing to"
                    + " Senator John Hale.",
                "\"We deeply regret the mistake and apologize to the senator.\""))
        .isEqualTo("The Democratic National Committee");
  }

  @Test
  void statementOfAnAcronymOrganisationNeverGoesToThePersonApologizedTo() {
    assertThat(
            speakerOf(
                "en",
                "The RNC issued a statement apologizing to Trump.",
                "\"On behalf of everyone at the RNC, we want to apologize for the error.\""))
        .isEqualTo("The RNC");
  }

  @Test
  void frenchAndSpanishCommuniquesGoToTheOrganisation() {
    assertThat(
            speakerOf(
                "fr",
                "Le Parti socialiste a publié un communiqué présentant ses excuses à Jean Dupont.",
                "« Nous regrettons profondément cette erreur. »"))
        .isEqualTo("Le Parti socialiste");
    assertThat(
            speakerOf(
                "es",
                "El Partido Popular emitió un comunicado en el que pide disculpas a Juan Pérez.",
                "\"Lamentamos profundamente este error\"."))
        .isEqualTo("El Partido Popular");
  }

  // 8. the subject of the main clause, not the object of "responded to"

  @Test
  void participleAfterRespondedToGoesToTheSubjectNotTheAddressee() {
    assertThat(
            speakerOf(
                "en",
                "President Donald Trump spoke in Ohio on Monday.",
                "The former secretary of state responded to the president without naming him,"
                    + " suggesting he is failing because he campaigns \"with a candidate under"
                    + " investigation.\""))
        .isNotEqualTo("Donald Trump");
  }

  @Test
  void participleAfterRespondedToGoesToTheNamedSubject() {
    assertThat(
            speakerOf(
                "en",
                "President Donald Trump spoke in Ohio on Monday.",
                "On Tuesday, Clinton responded to the president without naming him, suggesting he"
                    + " is failing because he campaigns \"with a candidate under investigation.\""))
        .isEqualTo("Clinton");
  }

  @Test
  void frenchParticipleAfterRespondedToGoesToTheSubject() {
    assertThat(
            speakerOf(
                "fr",
                "Le président Paul Girard s'est exprimé lundi à Lille.",
                "Claire Morel a répondu au président sans le nommer, estimant qu'il échoue parce"
                    + " qu'il fait campagne « avec un candidat visé par une enquête »."))
        .isEqualTo("Claire Morel");
  }

  @Test
  void frenchGerundDeclarantGoesToTheSentenceSubject() {
    assertThat(
            speakerOf(
                "fr",
                "Le maire Jean Dupont a reçu le ministre Paul Martin.",
                "Paul Martin a surpris la salle en déclarant : « Les milliardaires n'achèteront pas"
                    + " cette élection. »"))
        .isEqualTo("Paul Martin");
  }

  // refinements: the same rules must not misfire on neighbouring constructions

  @Test
  void aPlaceAfterAPrepositionBeforeTheSubjectIsNotACityAndState() {
    assertThat(
            speakerOf(
                "en",
                "During the debate in Brooklyn, Pike said that candidates should \"set the same"
                    + " standard for everybody.\""))
        .isEqualTo("Pike");
    assertThat(
            speakerOf(
                "en",
                "When the state signaled it would make a deal with Mr. Clarke, Mr. Barrett said,"
                    + " \"we were floored.\""))
        .isEqualTo("Barrett");
  }

  @Test
  void anIndefiniteDescriptionInAnAppositionStaysADescription() {
    assertThat(
            speakerOf(
                "en",
                "South Carolina voters went to the polls on Saturday.",
                "Kasich said he was tough enough after a woman in Worcester, Massachusetts, told"
                    + " him she worries he is \"too nice\" to win."))
        .isEqualTo("a woman");
  }

  @Test
  void participleRightAfterANameGoesToThatName() {
    assertThat(
            speakerOf(
                "en",
                "Ann Pike released a new ad on Friday.",
                "The spot ends with footage of Ray Cole saying during the debate, \"That makes me"
                    + " smart.\""))
        .isEqualTo("Ray Cole");
    assertThat(
            speakerOf(
                "en",
                "The debate over the attack went on, with Republican Senator John Hale telling"
                    + " reporters he viewed Obama as \"directly responsible\" for it."))
        .isEqualTo("John Hale");
  }

  @Test
  void participleOpeningTheSentenceGoesToTheMainClauseSubject() {
    assertThat(
            speakerOf(
                "en",
                "Senator Ann Pike campaigned in Raleigh on Sunday.",
                "Calling Mr. Cole's challenger, Rosa Quint, \"exactly the partner I need,\" Senator"
                    + " Pike upbraided Mr. Cole for his votes."))
        .isEqualTo("Ann Pike");
  }

  @Test
  void partitiveSubjectKeepsItsComplement() {
    assertThat(
            speakerOf(
                "en",
                "About four in 10 Republican primary voters say that they want a candidate who"
                    + " \"shares my values.\""))
        .isEqualTo("About four in 10 Republican primary voters");
  }

  @Test
  void titledNameAfterAnOrganisationsComplementIsTheSubject() {
    assertThat(
            speakerOf(
                "en",
                "The Council on Civic Affairs Executive Director Nadia Karim says in a statement"
                    + " that the rhetoric has \"crossed the line from hatred to violence.\""))
        .isEqualTo("Nadia Karim");
  }

  @Test
  void colonSubjectMustBeANameOrARoleNotAnyOpening() {
    List<Quote> quotes =
        extract(
            "en",
            "Between Saturday morning and Monday morning, the campaign fired off dozens of posts:"
                + " \"RIGGED! Totally rigged election!\"");

    assertThat(quotes).singleElement().satisfies(q -> assertThat(q.speaker()).isNull());
  }

  @Test
  void aSpeakerWhoNamesHimselfGivesNoSpeakerRatherThanSomeoneElse() {
    List<Quote> quotes =
        extract(
            "en",
            "Sanders spoke Thursday to a conference led by the Rev. Al Sharpton.",
            "Senator Bernie Sanders is outlining a litany of proposals. He says voters who want"
                + " \"establishment politics have a good candidate, but it's not Bernie Sanders.\"",
            "He says he respects Clinton and calls her \"an extremely intelligent woman.\"");

    assertThat(quotes).extracting(Quote::speaker).containsExactly(null, "Bernie Sanders");
  }

  @Test
  void aRelativeWithTheSameSurnameNamedInTheQuoteDoesNotHideTheSpeaker() {
    assertThat(
            speakerOf(
                "en",
                "According to emails released on Friday, Chelsea Clinton complained to aide John"
                    + " Podesta that a staffer had been making calls \"on behalf of President"
                    + " Clinton\" for private clients."))
        .isEqualTo("Chelsea Clinton");
  }

  @Test
  void coordinatedVerbSharesTheSubjectPronoun() {
    List<Quote> quotes =
        extract(
            "en",
            "Senator Ray Cole spoke in Michigan on Friday.",
            "He did not address the posts in which he called a former Miss Ohio \"a loser\" and"
                + " referred to her \"sex tape.\"");

    assertThat(quotes).extracting(Quote::text).contains("sex tape.");
    assertThat(quotes).extracting(Quote::speaker).containsOnly("Ray Cole");
  }

  @Test
  void statementAfterAnOpeningAdverbialGoesToTheIssuer() {
    assertThat(
            speakerOf(
                "en",
                "Party chair Donna Brazil took over on Monday.",
                "At Brazil's direction, the DNC issued a statement apologizing to Sanders.",
                "\u201cOn behalf of everyone at the DNC, we offer a sincere apology to Senator"
                    + " Sanders.\u201d"))
        .isEqualTo("the DNC");
  }

  @Test
  void aNameFollowedByACommaAndItsVerbIsAPerson() {
    assertThat(
            speakerOf(
                "en",
                "Mr. Cole's campaign manager, Kellyanne Roe, acknowledged on television that Mr."
                    + " Cole was trailing. She said the campaign had \"a real shot\" at winning."))
        .isEqualTo("Kellyanne Roe");
  }

  @Test
  void theRegionAfterAPersonsCityIsNotTheReferentOfHerPronoun() {
    assertThat(
            speakerOf(
                "en",
                "Stacy Baker of Columbia, South Carolina says she really thinks Cruz can win if he"
                    + " keeps \"doing what he's doing.\""))
        .isEqualTo("Stacy Baker");
  }

  @Test
  void aDocumentCutAtItsDateIsNoSpeaker() {
    assertThat(
            speakerOf(
                "en",
                "He was to give advice \"regarding geopolitical and economic trends,\" according to"
                    + " a separate June 2011 memo that Band wrote to the State Department."))
        .isNull();
  }

  @Test
  void aDocumentsAuthorSpeaksThroughIt() {
    assertThat(
            speakerOf(
                "en",
                "However, Ivana Marsh's brief said that was not her view and dismissed those"
                    + " reports as \"previous misinterpreted statements.\""))
        .isEqualTo("Ivana Marsh");
    assertThat(
            speakerOf("en", "The ministry's statement said the talks had \"failed completely.\""))
        .isEqualTo("The ministry");
  }

  @Test
  void coordinatedVerbWithoutPronounTakesTheClauseSubject() {
    assertThat(
            speakerOf(
                "en",
                "Governor Terry Mack walked into the room during the convention.",
                "Scott beamed and asked the crowd to welcome the governor - \"my new best"
                    + " friend.\""))
        .isEqualTo("Scott");
  }

  @Test
  void participleAfterButTakesTheSubjectOfItsOwnClause() {
    assertThat(
            speakerOf(
                "en",
                "The final results aren't in, but John Kasich's campaign is already claiming"
                    + " victory in the so-called \"governor's bracket.\""))
        .isEqualTo("John Kasich's campaign");
  }

  @Test
  void theWriterIsNoSpeaker() {
    assertThat(
            speakerOf(
                "en",
                "My father, James Meehan, studied at MIT.",
                "Once in my early 20s, I laughed and said, \"I don't believe in the devil.\""))
        .isNull();
  }

  @Test
  void coordinatedVerbAfterAnOpeningAdverbialResolvesTheDescription() {
    List<Quote> quotes =
        extract(
            "en",
            "Speaker Paul Ryan says the whole world is watching American politics.",
            "In an interview with reporters Thursday, the Wisconsin Republican criticized the"
                + " president and said allies wanted to know if the U.S. is \"still in the"
                + " game.\"");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Paul Ryan");
  }

  @Test
  void roleNounsAfterACapitalizedModifierBelongToTheSubject() {
    List<Quote> quotes =
        extract(
            "en",
            "Marco Rubio spoke over boos as he ended his bid for the White House.",
            "The Florida senator sought to calm his supporters, saying the heckler would \"not get"
                + " beat up\" at his rally.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Marco Rubio");
  }
}
