package io.wirefeed.normalize.wire;

import io.wirefeed.normalize.lang.Folding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The news agencies wirefeed knows by name: one canonical short name per agency, its aliases in
 * several languages and the hosts it publishes on.
 */
public final class Agencies {

  private record Entry(String canonical, List<String> aliases, List<String> hosts) {}

  private static final List<Entry> ENTRIES = List.of(
      entry("AP", "apnews.com ap.org", "Associated Press", "The Associated Press", "AP News"),
      entry("AFP", "afp.com", "Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"),
      entry("Reuters", "reuters.com", "Reuter", "Thomson Reuters"),
      entry("Xinhua", "xinhuanet.com news.cn xinhua.net", "Xinhua News Agency", "Agence de presse Xinhua",
          "Agence Xinhua", "Agencia Xinhua", "Agencia de Noticias Xinhua", "Nachrichtenagentur Xinhua",
          "Agência Xinhua", "Agenzia Xinhua", "New China News Agency"),
      entry("EFE", "efe.com", "Agencia EFE", "Agence EFE"),
      entry("dpa", "dpa.com dpa.de", "Deutsche Presse-Agentur", "dpa-AFX"),
      entry("ANSA", "ansa.it", "Agenzia ANSA", "Agenzia Nazionale Stampa Associata"),
      entry("Lusa", "lusa.pt", "Agência Lusa", "Agencia Lusa"),
      entry("TASS", "tass.com tass.ru", "ITAR-TASS", "ITAR TASS"),
      entry("Yonhap", "yna.co.kr yonhapnews.co.kr", "Yonhap News Agency", "Yonhap News"),
      entry("Kyodo", "kyodonews.net", "Kyodo News"),
      entry("UPI", "upi.com", "United Press International"),
      entry("ANP", "anp.nl", "Algemeen Nederlands Persbureau"),
      entry("Belga", "belga.be", "Agence Belga", "Belga News Agency"),
      entry("ATS", "keystone-sda.ch", "SDA", "ATS/SDA", "SDA/ATS", "ATS-SDA", "Keystone-ATS", "Keystone-SDA",
          "Agence télégraphique suisse"),
      entry("Anadolu", "aa.com.tr", "AA", "Anadolu Agency", "Anadolu Ajansı", "Agence Anadolu", "Agencia Anadolu"),
      entry("PTI", "ptinews.com", "Press Trust of India"),
      entry("IRNA", "irna.ir", "Islamic Republic News Agency"),
      entry("ISNA", "isna.ir", "Iranian Students' News Agency"),
      entry("Fars", "farsnews.ir", "Fars News Agency"),
      entry("Tasnim", "tasnimnews.com", "Tasnim News Agency"),
      entry("Mehr", "mehrnews.com", "Mehr News Agency"),
      entry("SANA", "sana.sy", "Syrian Arab News Agency"),
      entry("KCNA", "kcna.kp", "Korean Central News Agency"),
      entry("Interfax", "interfax.ru interfax.com"),
      entry("RIA Novosti", "ria.ru", "RIA", "Ria Nowosti"),
      entry("Sputnik", "sputniknews.com"),
      entry("Europa Press", "europapress.es"),
      entry("APS", "aps.dz", "Algérie Presse Service"),
      entry("MAP", "mapexpress.ma", "Maghreb Arabe Presse"),
      entry("TAP", "tap.info.tn", "Tunis Afrique Presse"),
      entry("MENA", "", "Middle East News Agency"),
      entry("SPA", "spa.gov.sa", "Saudi Press Agency"),
      entry("WAM", "wam.ae", "Emirates News Agency"),
      entry("QNA", "qna.org.qa", "Qatar News Agency"),
      entry("KUNA", "kuna.net.kw", "Kuwait News Agency"),
      entry("Petra", "petra.gov.jo"),
      entry("NNA", "nna-leb.gov.lb", "National News Agency"),
      entry("Bernama", "bernama.com"),
      entry("Antara", "antaranews.com"),
      entry("Jiji", "jiji.com", "Jiji Press"),
      entry("AAP", "aap.com.au", "Australian Associated Press"),
      entry("The Canadian Press", "thecanadianpress.com", "Canadian Press"),
      entry("PA Media", "", "Press Association"),
      entry("APA", "apa.at", "Austria Presse Agentur"),
      entry("KNA", "", "Katholische Nachrichten-Agentur"),
      entry("epd", "", "Evangelischer Pressedienst"),
      entry("PAP", "pap.pl", "Polska Agencja Prasowa"),
      entry("ČTK", "ctk.cz", "CTK"),
      entry("MTI", ""),
      entry("BTA", "bta.bg"),
      entry("Agerpres", "agerpres.ro"),
      entry("HINA", "hina.hr"),
      entry("Tanjug", "tanjug.rs"),
      entry("ANA-MPA", "amna.gr"),
      entry("Ukrinform", "ukrinform.net"),
      entry("UNIAN", "unian.net"),
      entry("Notimex", ""),
      entry("Télam", "telam.com.ar"),
      entry("Prensa Latina", "prensa-latina.cu"),
      entry("Agência Brasil", "agenciabrasil.ebc.com.br", "Agencia Brasil"),
      entry("Andina", "andina.pe"),
      entry("AGI", "agi.it", "Agenzia Italia"),
      entry("Adnkronos", "adnkronos.com"),
      entry("LaPresse", "lapresse.it"),
      entry("Askanews", "askanews.it"),
      entry("Nova", "agenzianova.com", "Agenzia Nova"),
      entry("Servimedia", "servimedia.es"),
      entry("ANI", "aninews.in", "Asian News International"),
      entry("IANS", "", "Indo-Asian News Service"),
      entry("Bloomberg", "bloomberg.com", "Bloomberg News"),
      entry("Dow Jones", "", "Dow Jones Newswires"),
      entry("NTB", ""),
      entry("Ritzau", ""),
      entry("STT", ""),
      entry("Tidningarnas Telegrambyrå", ""),
      entry("Kyrtag", ""),
      entry("Vietnam News Agency", "vnanet.vn", "VNA"),
      entry("Bakhtar", ""),
      entry("APS Senegal", "aps.sn", "Agence de presse sénégalaise"),
      entry("ACP", "", "Agence congolaise de presse"),
      entry("ANGOP", "angop.ao"));

  private static final Map<String, String> BY_ALIAS = indexAliases();
  private static final Map<String, String> BY_HOST = indexHosts();
  /** Every alias as printed, longest first, for building look-up patterns. */
  private static final List<String> ALIASES_LONGEST_FIRST = aliasesLongestFirst();

  private Agencies() {}

  /** The canonical name for an agency name or alias ("The Associated Press" -> "AP"), or null if unknown. */
  static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String key = Folding.key(name);
    String found = BY_ALIAS.get(key);
    if (found == null) {
      found = BY_ALIAS.get(stripArticle(key));
    }
    return found;
  }

  /** The canonical name for an alias already folded by {@link Folding#key}, or null if unknown. */
  static String canonicalForKey(String key) {
    String found = BY_ALIAS.get(key);
    return found != null ? found : BY_ALIAS.get(stripArticle(key));
  }

  /** Whether the name is a known agency. */
  public static boolean isKnown(String name) {
    return canonical(name) != null;
  }

  /** The agency publishing on this host or one of its parent domains, or null. */
  static String byHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    while (true) {
      String found = BY_HOST.get(h);
      if (found != null) {
        return found;
      }
      int dot = h.indexOf('.');
      if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
        return null;
      }
      h = h.substring(dot + 1);
    }
  }

  /** A regex alternation of every alias, longest first, to embed in larger patterns. */
  public static String aliasAlternation() {
    StringBuilder sb = new StringBuilder();
    for (String alias : ALIASES_LONGEST_FIRST) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(Pattern.quote(alias));
    }
    return sb.toString();
  }

  private static String stripArticle(String key) {
    for (String article : List.of("the ", "l ", "la ", "le ", "el ", "die ", "der ", "a ", "o ", "as ")) {
      if (key.startsWith(article)) {
        return key.substring(article.length());
      }
    }
    return key;
  }

  private static Entry entry(String canonical, String hosts, String... aliases) {
    List<String> all = new ArrayList<>();
    all.add(canonical);
    all.addAll(List.of(aliases));
    return new Entry(canonical, List.copyOf(all), hosts.isBlank() ? List.of() : List.of(hosts.split(" ")));
  }

  private static Map<String, String> indexAliases() {
    Map<String, String> map = new HashMap<>();
    for (Entry e : ENTRIES) {
      for (String alias : e.aliases()) {
        map.putIfAbsent(Folding.key(alias), e.canonical());
      }
    }
    return Map.copyOf(map);
  }

  private static Map<String, String> indexHosts() {
    Map<String, String> map = new HashMap<>();
    for (Entry e : ENTRIES) {
      for (String host : e.hosts()) {
        map.put(host, e.canonical());
      }
    }
    return Map.copyOf(map);
  }

  private static List<String> aliasesLongestFirst() {
    List<String> all = new ArrayList<>();
    for (Entry e : ENTRIES) {
      all.addAll(e.aliases());
    }
    all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return List.copyOf(all);
  }
}
