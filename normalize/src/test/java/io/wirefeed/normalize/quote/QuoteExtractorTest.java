package io.wirefeed.normalize.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the quote extractor, one convention or rule per test. */
class QuoteExtractorTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private List<Quote> extract(String language, String... paragraphs) {
    return extractor.extract(List.of(paragraphs), language);
  }

  @Test
  void resolvesSurnameAfterTitleToTheFullNameGivenEarlier() {
    List<Quote> quotes =
        extract(
            "fr",
            "AMMAN, 4 mai (Xinhua) -- Le commandant de l'armée jordanienne, le général Youssef"
                + " Ahmad Hneiti, a accueilli lundi son homologue égyptien, le général Ahmed Fathi"
                + " Khalifa.",
            "\"Nos deux armées vont élargir leurs exercices communs\", a expliqué le général"
                + " Hneiti.");

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.speaker()).isEqualTo("Youssef Ahmad Hneiti");
              assertThat(q.verb()).isEqualTo("a expliqué");
              assertThat(q.kind()).isEqualTo(QuoteKind.DIRECT);
              assertThat(q.paragraph()).isEqualTo(1);
            });
  }

  @Test
  void resolvesDescriptionWithNationalityToTheMatchingGeneral() {
    List<Quote> quotes =
        extract(
            "fr",
            "Le commandant de l'armée jordanienne, le général Youssef Ahmad Hneiti, a accueilli son"
                + " homologue égyptien, le général Ahmed Fathi Khalifa.",
            "Le général égyptien a salué une coopération \"stratégique\", estimant qu'elle jouera"
                + " \"un rôle clé\".");

    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly("Ahmed Fathi Khalifa", "Ahmed Fathi Khalifa");
    assertThat(quotes).extracting(Quote::verb).containsExactly("a salué", "estimant");
    assertThat(quotes).extracting(Quote::kind).containsOnly(QuoteKind.PARTIAL);
  }

  @Test
  void resolvesFeminineCliticToTheWomanNotTheMostRecentMan() {
    List<Quote> quotes =
        extract(
            "fr",
            "La ministre Catherine Vautrin a rencontré mardi le préfet Jean Dupont.",
            "« Nous tiendrons nos engagements », a-t-elle assuré.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Catherine Vautrin");
  }

  @Test
  void resolvesEnglishPronounByGender() {
    List<Quote> quotes =
        extract(
            "en",
            "Senator Maria Cantwell met Energy Secretary John Hale on Monday.",
            "\"We need an answer by Friday,\" she said.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Maria Cantwell");
  }

  @Test
  void dropsTrailingCommaInsideTheMarks() {
    List<Quote> quotes = extract("en", "\"We will rebuild,\" Mayor Ana Silva said.");

    assertThat(quotes).extracting(Quote::text).containsExactly("We will rebuild");
  }

  @Test
  void keepsNestedQuotesInsideTheOuterQuotation() {
    List<Quote> quotes = extract("en", "“They told us ‘wait,’ and we waited,” said Omar Haddad.");

    assertThat(quotes)
        .extracting(Quote::text)
        .containsExactly("They told us ‘wait,’ and we waited");
  }

  @Test
  void reportsTheParagraphWhereAQuotationRunningOverParagraphsOpens() {
    List<Quote> quotes =
        extract(
            "en",
            "Jane Doe, the mayor, spoke for an hour.",
            "\"We have done our part,\" Doe said. \"Now the state must do its part.",
            "\"Nobody else is coming to help us.\"");

    assertThat(quotes).hasSize(2);
    assertThat(quotes.get(1).text())
        .isEqualTo("Now the state must do its part. Nobody else is coming to help us.");
    assertThat(quotes.get(1).paragraph()).isEqualTo(1);
    assertThat(quotes.get(1).speaker()).isEqualTo("Jane Doe");
  }

  @Test
  void cutsTheSpanishDashInterjectionOutOfTheQuote() {
    List<Quote> quotes =
        extract(
            "es",
            "El canciller Diego Ruiz viajó a Bruselas.",
            "«Vamos a firmar el acuerdo —afirmó el ministro—, aunque falten detalles».");

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.text()).isEqualTo("Vamos a firmar el acuerdo, aunque falten detalles");
              assertThat(q.verb()).isEqualTo("afirmó");
              assertThat(q.speaker()).isEqualTo("Diego Ruiz");
            });
  }

  @Test
  void attributesOrganisationSpeakersAsPrinted() {
    List<Quote> quotes =
        extract("en", "\"The border remains closed,\" the ministry said in a statement.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("the ministry");
  }

  @Test
  void resolvesSaidSmithToTheFullNameAndIgnoresTheApposition() {
    List<Quote> quotes =
        extract(
            "en",
            "Police Chief Robert Smith called the attack cowardly.",
            "\"We will find them,\" said Smith, a spokesman for the police union.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Robert Smith");
  }

  @Test
  void readsGermanPronounAfterTheVerb() {
    List<Quote> quotes =
        extract(
            "de",
            "Verteidigungsminister Boris Pistorius besuchte die Truppe.",
            "„Wir sind vorbereitet“, sagte er.");

    assertThat(quotes)
        .extracting(Quote::speaker, Quote::verb)
        .containsExactly(tuple("Boris Pistorius", "sagte"));
  }

  @Test
  void readsPortugueseAndItalianProDropVerbs() {
    assertThat(
            extract(
                "pt",
                "O ministro Fernando Medina falou aos jornalistas.",
                "\"Não haverá aumento de impostos\", disse."))
        .extracting(Quote::speaker)
        .containsExactly("Fernando Medina");
    assertThat(
            extract(
                "it",
                "Il ministro Guido Crosetto ha incontrato i vertici.",
                "«Non ci sono rischi», ha detto."))
        .extracting(Quote::speaker)
        .containsExactly("Guido Crosetto");
  }

  @Test
  void ignoresTitlesScareQuotesAndSingleUnattributedWords() {
    List<Quote> quotes =
        extract(
            "en",
            "The film \"Silent Harbor\" won the top prize, a \"surprise\" for the so-called \"old"
                + " guard\" of critics.");

    assertThat(quotes).isEmpty();
  }

  @Test
  void keepsAnAttributedSingleWordAsPartialQuote() {
    List<Quote> quotes =
        extract(
            "fr",
            "La ministre de la Culture, Rachida Dati, a salué sur RTL une réforme « historique ».");

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.text()).isEqualTo("historique");
              assertThat(q.speaker()).isEqualTo("Rachida Dati");
              assertThat(q.kind()).isEqualTo(QuoteKind.PARTIAL);
            });
  }

  @Test
  void readsAttributionBeforeAColon() {
    List<Quote> quotes =
        extract("es", "El presidente Gabriel Boric declaró: «Chile no va a retroceder».");

    assertThat(quotes)
        .extracting(Quote::speaker, Quote::verb, Quote::kind)
        .containsExactly(tuple("Gabriel Boric", "declaró", QuoteKind.DIRECT));
  }

  @Test
  void endsAnUnclosedQuotationWithItsParagraph() {
    List<Quote> quotes =
        extract(
            "en",
            "\"We are not leaving until this is settled, said union leader Tom Reyes.",
            "Talks resume Monday.");

    assertThat(quotes)
        .extracting(Quote::text)
        .containsExactly("We are not leaving until this is settled, said union leader Tom Reyes.");
  }

  @Test
  void returnsNoQuotesForMissingOrEmptyInput() {
    assertThat(extractor.extract(null, "en")).isEmpty();
    assertThat(extractor.extract(List.of(), null)).isEmpty();
    assertThat(extractor.extract(Arrays.asList(null, "", "   "), "xx")).isEmpty();
  }

  @Test
  void acceptsRegionalLanguageTagsAndUnknownCodes() {
    String text = "\"We will win,\" said coach Mia Lang.";

    assertThat(extractor.extract(List.of(text), "en-GB"))
        .extracting(Quote::speaker)
        .containsExactly("Mia Lang");
    assertThat(extractor.extract(List.of(text), "zz"))
        .extracting(Quote::speaker)
        .containsExactly("Mia Lang");
  }

  @Test
  void treatsTheSecondHalfOfAQuotationCutByItsAttributionAsDirect() {
    List<Quote> quotes =
        extract("en", "\"We are ready,\" union leader Tom Reyes said, \"to fight for every job.\"");

    assertThat(quotes).extracting(Quote::kind).containsExactly(QuoteKind.DIRECT, QuoteKind.DIRECT);
    assertThat(quotes).extracting(Quote::speaker).containsOnly("Tom Reyes");
  }

  @Test
  void readsADashAttributionAfterTheClosingMark() {
    List<Quote> quotes =
        extract(
            "es",
            "El ministro Luis Caputo habló en Buenos Aires.",
            "«Vamos a ganar» —dijo el ministro.");

    assertThat(quotes)
        .extracting(Quote::speaker, Quote::verb)
        .containsExactly(tuple("Luis Caputo", "dijo"));
  }

  @Test
  void skipsTheOutletTheWordsWereSaidToBeforeTheSpeaker() {
    assertThat(
            extract(
                "pt", "\"Não vamos recuar\", disse à Agência Brasil o ministro Fernando Haddad."))
        .extracting(Quote::speaker)
        .containsExactly("Fernando Haddad");
    assertThat(
            extract("it", "«Siamo pronti», ha spiegato all'agenzia Dire il ministro Adolfo Urso."))
        .extracting(Quote::speaker)
        .containsExactly("Adolfo Urso");
    assertThat(extract("es", "\"Habrá acuerdo\", aseguró a la prensa el canciller Diego Ruiz."))
        .extracting(Quote::speaker)
        .containsExactly("Diego Ruiz");
  }

  @Test
  void resolvesATwoLetterSurnameFirstNameToTheFullName() {
    List<Quote> quotes =
        extract(
            "en",
            "Exports of solar panels rose 12 percent in October, said Wu Jianguo, deputy director of"
                + " the Ningbo trade bureau.",
            "\"Orders from Europe have come back faster than we expected,\" Wu said.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Wu Jianguo");
  }

  @Test
  void neverTakesTheAddresseeAfterTheVerbForTheSpeaker() {
    assertThat(
            extract(
                "pt",
                "O economista Rui Tavares Lemos, professor na Universidade do Minho, defendeu que"
                    + " as taxas vão descer até ao verão.",
                "«O pior da inflação já passou», disse à Lusa."))
        .extracting(Quote::speaker)
        .containsExactly("Rui Tavares Lemos");
    assertThat(
            extract(
                "en",
                "Trade minister Helen Marsh said the talks would resume on Monday.",
                "\"We are close to a deal,\" she told Reuters."))
        .extracting(Quote::speaker)
        .containsExactly("Helen Marsh");
    assertThat(
            extract(
                "es",
                "El alcalde de Valencia, Jorge Ferrán Ibáñez, presentó el plan de movilidad.",
                "\"Habrá menos coches en el centro\", dijo a EFE."))
        .extracting(Quote::speaker)
        .containsExactly("Jorge Ferrán Ibáñez");
    assertThat(extract("pt", "«Não aceitamos a proposta», afirmou a Fenprof."))
        .extracting(Quote::speaker)
        .containsExactly("Fenprof");
  }

  @Test
  void resolvesAGenericRoleNounToThePersonJustNamed() {
    List<Quote> quotes =
        extract(
            "pt",
            "A diretora-geral da Associação Portuguesa de Agências de Viagens (APAVT), Marta"
                + " Quintela, considerou os resultados do verão animadores.",
            "«Esperamos um inverno ainda melhor», afirmou a responsável.");

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Marta Quintela");
    assertThat(
            extract(
                "fr",
                "Le directeur du port de Rouen, Pierre-Alain Vasseur, a présenté le bilan annuel.",
                "« Le trafic a retrouvé son niveau d'avant la crise », a indiqué le responsable."))
        .extracting(Quote::speaker)
        .containsExactly("Pierre-Alain Vasseur");
  }

  @Test
  void keepsAGenericRoleNounWhenNobodyWithARoleWasJustNamed() {
    assertThat(
            extract(
                "pt",
                "As dormidas na região cresceram 6% em outubro.",
                "«Esperamos um inverno ainda melhor», afirmou a responsável."))
        .extracting(Quote::speaker)
        .containsExactly("a responsável");
  }
}
