package io.wirefeed.normalize.quote;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Attribution verbs of one language, as printed forms (lower case).
 *
 * <p>Forms are listed rather than generated: a stemmer would also match nouns ("le juge", "a note")
 * and wire copy uses a small, stable set of reporting verbs.
 */
record AttributionVerbs(
    Set<String> finite,
    Set<String> participles,
    Set<String> auxiliaries,
    Set<String> gerunds,
    Set<String> characterizing,
    Set<String> subjectFirstOnly,
    Set<String> sources,
    Map<String, String> separableParticles,
    Set<String> nounLike) {

  static Set<String> words(String spaceSeparated) {
    String trimmed = spaceSeparated.trim();
    return trimmed.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(trimmed.split("\\s+")));
  }

  static AttributionVerbs of(String language) {
    return switch (language == null ? "" : language) {
      case "fr" -> FRENCH;
      case "es" -> SPANISH;
      case "de" -> GERMAN;
      case "pt" -> PORTUGUESE;
      case "it" -> ITALIAN;
      default -> ENGLISH;
    };
  }

  /** Whether a lower-case form is any verb this language uses to attribute speech. */
  boolean isAnyForm(String lower) {
    return finite.contains(lower)
        || participles.contains(lower)
        || gerunds.contains(lower)
        || characterizing.contains(lower);
  }

  private static final AttributionVerbs ENGLISH =
      new AttributionVerbs(
          words(
              """
              said says say told tells tell added adds explained explains stated  noted
              warned warns stressed  insisted insists argued argues claimed  wrote writes
              asked asks replied  responded responds declared declares announced announces
              acknowledged acknowledges admitted admits recalled  continued continues concluded
              concludes urged  suggested suggests predicted predicts tweeted  posted
              remarked  observed observes countered  conceded concedes cautioned
              boasted  complained complains joked  quipped  shouted  yelled
              screamed  exclaimed exclaims vowed  promised  pledged
               maintained maintains contended contends asserted asserts confirmed confirms denied
              denies recounted  testified testifies agreed agrees reiterated reiterates
              emphasized emphasizes emphasised emphasises mused  beamed gushed fumed sniped snapped
              proclaimed proclaims lamented  mocked scoffed retorted interjected texted blurted
              reported  explained wondered  believes believed thinks thought reckons
              reckoned figured acknowledged cried sighed whispered murmured grumbled charged
              alleged alleges demanded  advised advises concurred\
              """),
          words(
              """
              said told added explained stated noted warned stressed insisted argued claimed written
              asked replied responded declared announced acknowledged admitted recalled urged suggested
              predicted tweeted posted remarked observed conceded cautioned boasted complained vowed
              promised pledged maintained asserted confirmed denied testified reiterated emphasized
              reported\
              """),
          words("has have had would will did does is are was were 's"),
          words(
              """
              adding saying noting telling explaining warning insisting arguing stressing asking
              declaring calling describing urging claiming acknowledging predicting complaining vowing
              promising suggesting writing tweeting posting replying responding answering recalling
              texting\
              """),
          words(
              """
              call called calls calling describe described describes describing dubbed dubs labeled labelled labels
              branded brands termed terms praised praises blasted blasts slammed slams criticized
              criticised criticizes accused accuses decried decries denounced denounces hailed hails
              deemed deems characterized characterizes cited cites referred refers urged urges vowed
              pledged promised warned insisted predicted expects expected hoped hopes welcomed
              welcomes lauded touted touts derided derides dismissed dismisses condemned condemns
              mentioned mentions\
              """),
          words("told tells tell asked asks urged urges called calls"),
          words("according|to"),
          Map.of(),
          words(
              "tweets posts notes states remarks counters jokes quips shouts yells screams vows"
                  + " promises pledges muses laments reports wonders charges demands mentions"
                  + " recounts claims replies urges cautions boasts stresses recalls"));

  private static final AttributionVerbs FRENCH =
      new AttributionVerbs(
          words(
              """
              dit dis disait dira déclare déclarait déclara explique expliquait expliqua affirme
              affirmait affirma ajoute ajoutait ajouta souligne soulignait souligna insiste insistait
              insista assure assurait assura estime estimait estima indique indiquait indiqua précise
              précisait précisa évoque salue annonce annonçait annonça martèle martelait lance lançait
              lança confie confiait confia rappelle rappelait rappela juge jugeait note notait observe
              relève commente dénonce dénonçait fustige regrette regrettait déplore raconte racontait
              raconta témoigne tranche résume constate répète ironise plaide avoue admet concède
              interroge s'interroge répond répondait répondit reconnaît reconnaissait reconnut poursuit
              poursuivait poursuivit conclut écrit écrivait prévient prévenait promet soutient
              soutenait avertit lâche glisse renchérit insiste s'exclame s'est s'étonne souligne
              déclarent affirment estiment expliquent indiquent assurent\
              """),
          words(
              """
              dit déclaré expliqué affirmé ajouté souligné insisté assuré estimé indiqué précisé
              évoqué salué annoncé martelé lancé confié rappelé jugé noté observé relevé commenté
              dénoncé fustigé regretté déploré raconté témoigné tranché résumé constaté répété
              ironisé plaidé avoué admis concédé répondu reconnu poursuivi conclu écrit prévenu promis
              soutenu averti lâché glissé renchéri exclamé qualifié réagi réaffirmé mis martelé
              déclarés déclarée expliquée affirmée ajoutée soulignée assurée estimée indiquée
              précisée exprimé interrogé félicité dit\
              """),
          words("a ont avait avaient aurait auraient aura avoir ayant est"),
          words(
              """
              ajoutant estimant soulignant expliquant affirmant précisant indiquant assurant déclarant
              insistant rappelant jugeant notant avertissant dénonçant qualifiant évoquant lançant
              martelant prévenant promettant reconnaissant regrettant déplorant disant\
              """),
          words(
              """
              qualifié qualifie qualifiant salué salue saluant dénoncé dénonce fustigé fustige
              évoqué évoque évoquant appelé appelle appelant traité traite décrit décrivant décrit
              promis promet exhorté exhorte mis dénonçant réclamé réclame plaidé plaide appelé
              critiqué critique condamné condamne\
              """),
          words(""),
          words("selon d'|après"),
          Map.of(),
          Set.of());

  private static final AttributionVerbs SPANISH =
      new AttributionVerbs(
          words(
              """
              dijo dice decía dirá afirmó afirma afirmaba señaló señala señalaba explicó explica
              explicaba añadió añade agregó agrega aseguró asegura aseguraba indicó indica subrayó
              subraya destacó destaca precisó declaró declara sostuvo sostiene apuntó manifestó comentó
              advirtió advierte insistió recalcó enfatizó expresó reconoció puntualizó resaltó concluyó
              lamentó denunció criticó calificó aseveró relató contó escribió respondió preguntó
              exclamó remarcó opinó consideró estimó valoró anunció prometió reiteró sentenció zanjó
              insiste reconoce recuerda recordó dijeron afirmaron señalaron explicaron indicaron\
              """),
          words(
              """
              dicho afirmado señalado explicado añadido agregado asegurado indicado subrayado
              destacado precisado declarado sostenido apuntado manifestado comentado advertido
              insistido recalcado reconocido expresado escrito respondido anunciado reiterado
              calificado denunciado criticado\
              """),
          words("ha han había habían habría"),
          words(
              """
              añadiendo agregando señalando afirmando asegurando explicando indicando destacando
              subrayando diciendo advirtiendo insistiendo precisando recordando\
              """),
          words(
              """
              calificó califica calificado tildó tilda llamó llama instó insta prometió promete
              denunció denuncia criticó critica definió define celebró celebra elogió elogia
              describió describe\
              """),
          words(""),
          words("según de|acuerdo|con"),
          Map.of(),
          Set.of());

  private static final AttributionVerbs GERMAN =
      new AttributionVerbs(
          words(
              """
              sagte sagt sagten erklärte erklärt erklärten betonte betont betonten fügte meinte meint
              so sprach berichtete schrieb schreibt warnte warnt kritisierte forderte fordert unterstrich
              bekräftigte versicherte räumte teilte ergänzte ergänzt kündigte mahnte mahnt beklagte
              verwies argumentierte antwortete erläuterte hob rief appellierte bilanzierte resümierte
              sagen erklären\
              """),
          words(
              """
              gesagt erklärt betont hinzugefügt gewarnt kritisiert gefordert unterstrichen bekräftigt
              versichert ergänzt mitgeteilt angekündigt gemahnt geschrieben\
              """),
          words("hat haben hatte hatten"),
          words(""),
          words(
              """
              nannte nennt bezeichnete bezeichnet sprach lobte lobt kritisierte kritisiert warnte
              warnt forderte fordert versprach verspricht\
              """),
          words(""),
          words("laut"),
          Map.of(
              "fügte", "hinzu",
              "räumte", "ein",
              "teilte", "mit",
              "kündigte", "an",
              "hob", "hervor",
              "rief", "auf"),
          Set.of());

  private static final AttributionVerbs PORTUGUESE =
      new AttributionVerbs(
          words(
              """
              disse diz dizia afirmou afirma declarou declara explicou explica acrescentou acrescenta
              sublinhou sublinha salientou referiu frisou adiantou indicou assegurou garantiu garante
              destacou considerou defendeu admitiu reconheceu alertou avisou apontou observou
              comentou ressaltou enfatizou lembrou questionou respondeu escreveu contou relatou
              anunciou prometeu insistiu concluiu criticou lamentou afirmaram disseram\
              """),
          words(
              """
              dito afirmado declarado explicado acrescentado sublinhado salientado referido frisado
              indicado assegurado garantido destacado considerado defendido admitido reconhecido\
              """),
          words("tem têm tinha tinham"),
          words(
              """
              acrescentando afirmando dizendo sublinhando salientando explicando referindo
              garantindo destacando lembrando\
              """),
          words(
              """
              classificou classifica chamou chama qualificou qualifica elogiou elogia criticou
              critica denunciou denuncia prometeu promete definiu define\
              """),
          words(""),
          words("segundo conforme de|acordo|com"),
          Map.of(),
          Set.of());

  private static final AttributionVerbs ITALIAN =
      new AttributionVerbs(
          words(
              """
              dice afferma spiega aggiunge sottolinea dichiara ribadisce osserva commenta precisa
              evidenzia assicura annuncia avverte ammette scrive risponde conclude insiste denuncia
              ricorda racconta disse affermò spiegò aggiunse sottolineò dichiarò ribadì osservò
              commentò precisò scrisse rispose concluse attacca incalza\
              """),
          words(
              """
              detto affermato spiegato aggiunto sottolineato dichiarato ribadito osservato precisato
              commentato evidenziato assicurato annunciato avvertito ammesso scritto risposto concluso
              insistito denunciato lamentato ricordato rimarcato chiarito confermato raccontato
              garantito definito\
              """),
          words("ha hanno aveva avevano avrebbe"),
          words(
              """
              aggiungendo sottolineando spiegando affermando dicendo precisando ricordando
              ribadendo\
              """),
          words(
              """
              definito definisce definendo chiamato chiama promesso promette denunciato denuncia
              lodato loda criticato critica\
              """),
          words(""),
          words("secondo stando|a"),
          Map.of(),
          Set.of());
}
