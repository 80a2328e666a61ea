package io.wirefeed.normalize.quote;

import static io.wirefeed.normalize.quote.AttributionVerbs.words;
import static io.wirefeed.normalize.quote.SpeakerLexicon.fold;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Roles people hold ("ministra", "porte-parole", "Außenministerin") mapped to one id per concept,
 * the gender a role word or a first name marks, and role phrases that mean another role ("le chef
 * de l'Etat" is the president).
 */
final class SpeakerRoles {
  private SpeakerRoles() {}

  private static final Map<String, String> ROLES = roles();
  private static final Map<String, Gender> ROLE_GENDER = roleGenders();

  private static void role(Map<String, String> m, String id, String forms) {
    for (String w : words(forms)) {
      m.put(w, id);
    }
  }

  private static Map<String, String> roles() {
    Map<String, String> m = new HashMap<>();
    role(
        m,
        "president",
        "president presidente presidenta presidents presidentin prasident prasidentin mandatario"
            + " mandataria staatschef staatsoberhaupt");
    role(m, "minister", "minister ministre ministro ministra ministerin ministers ministres");
    role(
        m,
        "premier",
        "premier prime-minister kanzler kanzlerin bundeskanzler bundeskanzlerin chancellor"
            + " chancelier chanceliere primeiro-ministro primeira-ministra");
    role(
        m,
        "general",
        "general generale generalin gen. gen lieutenant-general brigadier commander commandant"
            + " comandante kommandeur");
    role(
        m,
        "spokesperson",
        "spokesman spokeswoman spokesperson porte-parole portavoz portavoce porta-voz sprecher"
            + " sprecherin regierungssprecher");
    role(
        m,
        "aide",
        "aide adviser advisor staffer pollster surrogate consultant manager conseiller conseillere"
            + " asesor asesora consigliere consigliera assessor assessora berater beraterin");
    role(m, "senator", "senator senateur senatrice senador senadora senatore senatorin sen.");
    role(
        m,
        "governor",
        "governor gouverneur gobernador gobernadora governatore governador governadora gov.");
    role(
        m,
        "mayor",
        "mayor maire alcalde alcaldesa sindaco sindaca prefeito prefeita burgermeister"
            + " burgermeisterin");
    role(
        m,
        "ambassador",
        "ambassador ambassadeur ambassadrice embajador embajadora ambasciatore embaixador"
            + " embaixadora botschafter botschafterin envoy envoye");
    role(
        m,
        "head",
        "head chief chef cheffe jefe jefa capo chefe leiter leiterin director directeur directrice"
            + " directora direttore direttrice diretor diretora direktor direktorin chairman"
            + " chairwoman chair ceo pdg");
    role(m, "leader", "leader dirigeant dirigeante dirigente lider anfuhrer");
    role(
        m,
        "secretary",
        "secretary secretaire secretario secretaria segretario segretaria sekretar sekretarin");
    role(m, "judge", "judge juge juez jueza giudice juiz juiza richter richterin");
    role(
        m,
        "prosecutor",
        "prosecutor procureur fiscal procuratore procurador procuradora staatsanwalt"
            + " staatsanwaltin");
    role(
        m,
        "lawyer",
        "lawyer attorney avocat avocate abogado abogada avvocato avvocata advogado advogada anwalt"
            + " anwaltin");
    role(m, "candidate", "candidate nominee candidat candidata candidato kandidat kandidatin");
    role(
        m,
        "lawmaker",
        "lawmaker legislator congressman congresswoman representative depute deputee diputado"
            + " diputada deputato deputata deputado deputada abgeordneter abgeordnete"
            + " parlamentarier");
    role(
        m,
        "expert",
        "analyst analyste analista expert experte experto experta esperto esperta especialista"
            + " economist economiste economista okonom strategist researcher chercheur investigador"
            + " ricercatore pesquisador");
    role(
        m,
        "official",
        "official officials responsable responsavel responsabile verantwortliche"
            + " verantwortlicher funcionario funcionaria funzionario beamter");
    role(m, "king", "king roi rey re rei konig");
    role(m, "queen", "queen reine reina regina rainha konigin");
    role(m, "prince", "prince princesse principe principessa princesa prinz prinzessin princess");
    role(m, "coach", "coach entraineur entrenador allenatore treinador trainer");
    role(
        m,
        "professor",
        "professor professeur profesor profesora professore professoressa professora");
    role(
        m,
        "activist",
        "activist militant militante activista attivista ativista aktivist aktivistin");
    role(m, "journalist", "journalist journaliste periodista giornalista jornalista");
    role(m, "officer", "officer policier agent officier offizier oficial ufficiale");
    role(
        m,
        "politician",
        "politician politicien politicienne politico politica politiker politikerin");
    role(m, "prefect", "prefet prefete prefect prefecto prefetto prafekt");
    role(m, "counterpart", "counterpart homologue homologo omologo amtskollege");
    role(
        m,
        "person",
        "man woman homme femme hombre mujer mann uomo donna homem mulher resident voter supporter"
            + " veteran governante businessman businesswoman");
    return Map.copyOf(m);
  }

  private static Map<String, Gender> roleGenders() {
    Map<String, Gender> m = new HashMap<>();
    for (String w :
        words(
            "presidenta presidentin prasidentin ministra ministerin kanzlerin bundeskanzlerin"
                + " chanceliere primeira-ministra spokeswoman sprecherin senatrice senadora"
                + " senatorin gobernadora governadora alcaldesa sindaca prefeita burgermeisterin"
                + " ambassadrice embajadora embaixadora botschafterin directrice directora"
                + " direttrice diretora direktorin leiterin jefa cheffe chairwoman dirigeante"
                + " secretaria segretaria sekretarin jueza juiza richterin avocate abogada avvocata"
                + " advogada anwaltin candidata kandidatin congresswoman deputee diputada deputata"
                + " deputada experte experta esperta funcionaria queen reine reina regina rainha"
                + " konigin princesse principessa princesa prinzessin princess profesora"
                + " professoressa professora militante aktivistin woman femme mujer donna mulher"
                + " mother mere madre mutter mae wife epouse esposa ehefrau moglie mulher daughter"
                + " fille hija tochter figlia filha sister soeur hermana schwester sorella irma"
                + " actress actrice generalin")) {
      m.put(w, Gender.FEMALE);
    }
    for (String w :
        words(
            "prasident king roi rey re rei konig prince prinz principe spokesman chairman"
                + " congressman man homme hombre mann uomo homem father pere padre vater pai"
                + " husband mari esposo ehemann marito marido son fils hijo sohn figlio filho"
                + " brother frere hermano bruder fratello irmao actor acteur kanzler bundeskanzler"
                + " chancelier ministro senateur senador senatore gobernador governador alcalde"
                + " sindaco prefeito ambassadeur embajador embaixador directeur direttore diretor"
                + " jefe dirigeant secretario segretario juez juiz abogado avvocato advogado anwalt"
                + " candidato diputado deputato deputado experto esperto funcionario funzionario"
                + " profesor professore")) {
      m.put(w, Gender.MALE);
    }
    return Map.copyOf(m);
  }

  /** The role id of a word ("ministra" gives "minister"), or null. */
  /** Roles so generic that "the official" may mean whoever, holding any office, was just named. */
  /**
   * Roles vague enough to be a second reference to the person just named ("a responsável"). Not "spokesperson":
   * a spokesman quoted after a minister is usually someone else, and a wrong speaker is worse than a noun phrase.
   */
  private static final Set<String> GENERIC_ROLES = Set.of("official");

  /** Whether a description names only generic roles ("a responsável", "the official"). */
  static boolean generic(Set<String> roles) {
    return !roles.isEmpty() && GENERIC_ROLES.containsAll(roles);
  }

  static String roleOf(String lower) {
    String f = fold(lower);
    String id = ROLES.get(f);
    if (id == null && f.endsWith("-year-old")) {
      id = "person";
    }
    if (id == null && f.length() > 9) {
      // German compounds: "Außenministerin", "Regierungssprecher", "Bundespräsident"
      for (Map.Entry<String, String> e : COMPOUND_ROLES.entrySet()) {
        if (f.endsWith(e.getKey())) {
          return e.getValue();
        }
      }
    }
    return id;
  }

  private static final Map<String, String> COMPOUND_ROLES =
      Map.ofEntries(
          Map.entry("ministerin", "minister"),
          Map.entry("minister", "minister"),
          Map.entry("kanzlerin", "premier"),
          Map.entry("kanzler", "premier"),
          Map.entry("prasidentin", "president"),
          Map.entry("prasident", "president"),
          Map.entry("sprecherin", "spokesperson"),
          Map.entry("sprecher", "spokesperson"),
          Map.entry("chefin", "head"),
          Map.entry("leiterin", "head"),
          Map.entry("leiter", "head"),
          Map.entry("direktorin", "head"),
          Map.entry("direktor", "head"),
          Map.entry("botschafterin", "ambassador"),
          Map.entry("botschafter", "ambassador"),
          Map.entry("burgermeisterin", "mayor"),
          Map.entry("burgermeister", "mayor"),
          Map.entry("politikerin", "politician"),
          Map.entry("politiker", "politician"));

  /** The gender a German compound role marks ("-in" is feminine). */
  private static Gender compoundGender(String folded) {
    if (folded.length() <= 9) {
      return Gender.UNKNOWN;
    }
    for (String key : COMPOUND_ROLES.keySet()) {
      if (folded.endsWith(key)) {
        return key.endsWith("in") ? Gender.FEMALE : Gender.MALE;
      }
    }
    return Gender.UNKNOWN;
  }

  /** The gender a role word marks ("ministra", "spokeswoman"), or UNKNOWN. */
  static Gender roleGender(String lower) {
    String f = fold(lower);
    Gender g = ROLE_GENDER.get(f);
    return g != null ? g : compoundGender(f);
  }

  /** Multi-word roles that mean another role ("chef de l'Etat" is the president). */
  private static final Map<String, String> ROLE_PHRASES =
      Map.ofEntries(
          Map.entry("chef de l'etat", "president"),
          Map.entry("jefe de estado", "president"),
          Map.entry("jefe del estado", "president"),
          Map.entry("head of state", "president"),
          Map.entry("capo dello stato", "president"),
          Map.entry("chefe de estado", "president"),
          Map.entry("chefe do estado", "president"),
          Map.entry("chef du gouvernement", "premier"),
          Map.entry("jefe del gobierno", "premier"),
          Map.entry("presidente del gobierno", "premier"),
          Map.entry("presidente del consiglio", "premier"),
          Map.entry("head of government", "premier"),
          Map.entry("prime minister", "premier"),
          Map.entry("premier ministre", "premier"),
          Map.entry("primer ministro", "premier"),
          Map.entry("primera ministra", "premier"),
          Map.entry("chef de la diplomatie", "minister"),
          Map.entry("jefe de la diplomacia", "minister"),
          Map.entry("capo della diplomazia", "minister"),
          Map.entry("chefe da diplomacia", "minister"));

  static Map<String, String> rolePhrases() {
    return ROLE_PHRASES;
  }

  private static final Set<String> MALE_NAMES =
      words(
          """
          john james robert michael william david richard joseph thomas charles christopher daniel
          matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
          ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
          scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
          tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold
          keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
          bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
          eugene vincent russell elijah louis bobby philip johnny mike bill barack joe bernie ted
          marco jeb chris tim rand newt mitt vladimir xi emmanuel nicolas francois jacques
          jean pierre michel alain philippe bernard andre rene louis claude marcel yves laurent
          olivier bruno eric thierry christophe sebastien julien guillaume antoine hugo lucas
          mathieu gerald edouard bruno manuel gabriel jose antonio juan carlos luis javier miguel
          pedro pablo jorge alejandro fernando ricardo mauricio alberto andres enrique rafael
          sergio diego raul francisco felipe gustavo hans peter klaus jurgen wolfgang michael
          thomas andreas stefan frank markus christian olaf friedrich heinrich karl helmut gerhard
          horst armin robert boris lars jens uwe dieter matteo giuseppe giovanni antonio mario
          luigi francesco alessandro paolo marco andrea roberto stefano sergio silvio romano
          giorgio enrico massimo luca joao pedro paulo luiz lula jair fernando antonio manuel
          rui marcelo miguel ali mohammad mohammed muhammad ahmad ahmed hassan hussein hossein
          mahmoud omar khalid abdullah abdel ibrahim youssef mustafa recep bashar hamid
          jimmy   wolodymyr volodymyr dmitry sergei sergey alexei igor viktor recep
          benjamin naftali yair ehud shimon ariel moshe\
          """);

  private static final Set<String> FEMALE_NAMES =
      words(
          """
          mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
          betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
          deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
          brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
          janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
          lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
          ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
          amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
          charlotte rose alexis kayla hillary nikki  melania ivanka sarah elizabeth nancy
          kamala michelle condoleezza    susan jill tulsi donna angela ursula
          annalena christine marine segolene anne nathalie isabelle sylvie catherine francoise
          monique valerie sophie celine elisabeth agnes brigitte rachida najat aurore amelie
          clara lea manon camille chloe ines margot maria carmen ana isabel lucia laura cristina
          marta elena pilar dolores teresa rosa mercedes cristina soraya irene yolanda begona
          sabine petra monika ursula claudia andrea katrin julia anja annegret svenja franziska
          giorgia laura francesca chiara giulia paola elena anna silvia valentina federica
          marina dilma marta beatriz fernanda gabriela adriana luiza fatima aisha leila yasmin
          mariam zainab\
          """);

  /** The gender a first name usually marks, or UNKNOWN. */
  static Gender firstNameGender(String lower) {
    String f = fold(lower);
    if (MALE_NAMES.contains(f)) {
      return FEMALE_NAMES.contains(f) ? Gender.UNKNOWN : Gender.MALE;
    }
    return FEMALE_NAMES.contains(f) ? Gender.FEMALE : Gender.UNKNOWN;
  }
}
