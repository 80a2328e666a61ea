package io.wirefeed.normalize.wire;

import io.wirefeed.normalize.lang.Folding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * News media that are not agencies but are credited as sources ("told the BBC", "a déclaré à France
 * Inter"), with the words that make an unknown name look like a medium ("... Post", "Radio ...").
 */
final class Outlets {
  private static final String[] NAMES = {
      "BBC", "BBC News", "BBC World Service", "CNN", "Fox News", "NBC", "NBC News", "CBS", "CBS News", "ABC News",
      "MSNBC", "NPR", "CNBC", "Al Jazeera", "Al-Jazeera", "Al Arabiya", "Al-Arabiya", "Al Mayadeen", "Sky News",
      "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
      "Wall Street Journal", "Financial Times", "The Guardian", "Guardian", "The Times", "The Telegraph", "Politico",
      "Axios", "NHK", "CCTV", "CGTN", "Global Times", "People's Daily", "RT", "Press TV", "France Inter",
      "France Info", "franceinfo", "BFMTV", "BFM TV", "RTL", "Europe 1", "LCI", "TF1", "France 2", "France 3",
      "France 24", "RFI", "Radio France Internationale", "Le Monde", "Le Figaro", "Libération", "Le Parisien",
      "Les Echos", "Le Journal du Dimanche", "JDD", "L'Express", "Le Point", "Mediapart", "Ouest-France",
      "Der Spiegel", "Spiegel", "Bild", "Bild am Sonntag", "ARD", "ZDF", "Deutschlandfunk", "Süddeutsche Zeitung",
      "Frankfurter Allgemeine Zeitung", "FAZ", "Die Welt", "Welt am Sonntag", "Handelsblatt", "Tagesschau",
      "Deutsche Welle", "DW", "El País", "El Mundo", "La Vanguardia", "RTVE", "TVE", "Cadena SER", "Onda Cero",
      "Antena 3", "Telecinco", "El Periódico", "Clarín", "La Nación", "Infobae", "Televisa", "Corriere della Sera",
      "La Repubblica", "Repubblica", "La Stampa", "Il Sole 24 Ore", "RAI", "Rai", "Mediaset", "Sky TG24",
      "Il Messaggero", "Público", "Expresso", "Diário de Notícias", "Jornal de Notícias", "Observador", "RTP", "TVI",
      "Folha de S.Paulo", "Folha", "O Globo", "Estadão", "TV Globo", "Kommersant", "Izvestia", "Vedomosti",
      "Haaretz", "Times of Israel", "Jerusalem Post", "Al-Ahram", "Asharq Al-Awsat", "Hindustan Times",
      "Times of India", "NDTV", "South China Morning Post", "Yomiuri", "Asahi", "Nikkei", "Le Soir", "RTBF", "VRT",
      "NOS", "De Telegraaf", "Le Temps", "NZZ", "SRF", "RTS", "Voice of America", "VOA", "Radio Free Europe",
      "Radio Liberty", "Euronews", "Arte", "Channel 4", "ITV", "USA Today", "Huffington Post", "HuffPost",
      "New York Post", "Los Angeles Times", "Chicago Tribune", "Breitbart", "Fox Business", "Meet the Press",
      "Face the Nation"};

  /** Last words that make a name a medium: "Washington Post", "Fox News", "Le Quotidien". */
  private static final Set<String> TRAILING_WORDS = Set.of("times", "post", "news", "press", "journal", "herald",
      "tribune", "gazette", "zeitung", "telegraph", "guardian", "daily", "tv", "radio", "television", "channel",
      "inter", "info", "diario", "jornal", "giornale", "corriere", "gazzetta", "chronicle", "observer", "express",
      "mail", "mirror", "monde", "courrier", "courier", "matin", "soir", "quotidien", "kurier", "rundschau",
      "allgemeine", "nachrichten", "stampa", "messaggero", "periodico", "noticias", "folha", "globo", "tele", "tg");
  /** First words that make a name a medium: "Daily Sabah", "Radio Okapi". */
  private static final Set<String> LEADING_WORDS = Set.of("daily", "radio", "tv", "tele", "channel", "canal", "rai");
  private static final Map<String, String> BY_KEY = index();

  private Outlets() {}

  /** The outlet's name as listed, for a key folded by {@link Folding#key}; null if unknown. */
  static String forKey(String key) {
    return BY_KEY.get(key);
  }

  /** Whether a name says at one of its ends that it is a medium ("Washington Post", "Radio Okapi"). */
  static boolean isOutletShaped(String name) {
    // keys hold single spaces and none at either end: the first and last words without splitting
    String key = Folding.key(name);
    int firstSpace = key.indexOf(' ');
    return TRAILING_WORDS.contains(key.substring(key.lastIndexOf(' ') + 1))
        || firstSpace > 0 && LEADING_WORDS.contains(key.substring(0, firstSpace));
  }

  private static Map<String, String> index() {
    Map<String, String> map = new HashMap<>();
    for (String name : NAMES) {
      String key = Folding.key(name);
      map.putIfAbsent(key, name);
      for (String article : List.of("the ", "le ", "la ", "el ", "die ", "der ", "o ", "il ", "l ")) {
        if (key.startsWith(article)) {
          map.putIfAbsent(key.substring(article.length()), name);
        }
      }
    }
    return Map.copyOf(map);
  }
}
