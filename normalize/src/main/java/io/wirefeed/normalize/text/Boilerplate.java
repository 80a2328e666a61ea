package io.wirefeed.normalize.text;

import io.wirefeed.normalize.lang.Folding;
import io.wirefeed.normalize.lang.Prose;
import io.wirefeed.normalize.wire.Agencies;
import io.wirefeed.normalize.wire.Months;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines of page chrome that travel with plain-text copy: share and text-size widgets,
 * menus and breadcrumbs, "Publié le ... | site" lines, bylines, credit lines, copyright lines,
 * sign-offs and numeric trailers. Each test looks at one line and is linear in its length.
 */
public final class Boilerplate {

  /** What a line of chrome is; {@link #NONE} for story text. */
  public enum Kind { NONE, WIDGET, PUBLISHED, BYLINE, CREDIT, COPYRIGHT, SIGNOFF, SITE, NUMERIC, READ_MORE }

  /** Lines longer than this are story text whatever they contain. */
  private static final int MAX_CHROME = 300;

  /** Widget, menu and share labels in the six languages, as folded keys. */
  private static final Set<String> WIDGET_WORDS = Set.of(
      "rss", "partager", "share", "share this", "share this article", "share on facebook", "share on twitter",
      "tweet", "imprimer", "print", "e mail", "email", "mail", "envoyer", "envoyer par mail", "facebook",
      "twitter", "x", "whatsapp", "linkedin", "telegram", "pinterest", "reddit", "messenger", "compartir",
      "teilen", "drucken", "compartilhar", "partilhar", "condividi", "stampa", "commenter", "commentaires",
      "comments", "comment", "comentarios", "comentar", "kommentare", "commenti", "copy link",
      "copier le lien", "favoris", "bookmark", "save", "enregistrer", "guardar", "speichern", "salva",
      "follow us", "suivez nous", "siguenos", "folgen sie uns", "siga nos", "seguici", "newsletter",
      "subscribe", "s abonner", "abonnez vous", "suscribete", "abonnieren", "assine", "iscriviti", "publicite",
      "advertisement", "advertising", "ad", "anzeige", "werbung", "publicidad", "publicidade", "pubblicita",
      "sponsored", "listen", "ecouter", "escuchar", "anhoren", "ouvir", "ascolta", "menu", "search",
      "rechercher", "recherche", "buscar", "suche", "pesquisar", "cerca", "accueil", "home", "inicio",
      "startseite", "log in", "login", "connexion", "se connecter", "iniciar sesion", "anmelden", "entrar",
      "accedi", "sign in", "sign up", "plus", "more", "mas", "mehr", "mais", "altro", "top", "haut de page",
      "back to top", "retour en haut", "zuruck", "volver", "voltar", "torna su", "video", "videos", "photos",
      "photo", "galerie", "gallery", "diaporama", "fotos", "foto", "imprimir", "enviar", "senden", "invia",
      "a a", "a+", "a-", "t+", "t-", "texte", "text", "texto", "testo", "aa");

  private static final Pattern TEXT_SIZE = Pattern.compile(
      "(?iu)^(?:taille du texte|taille du texte\\s*:|text size|font size|tama[ñn]o (?:del texto|de (?:la )?letra)"
          + "|schriftgr(?:ö|oe)(?:ß|ss)e|tamanho d[oa] (?:texto|fonte|letra)|dimensione (?:del )?testo)\\b.{0,20}$");
  private static final Pattern SIZE_BUTTONS = Pattern.compile("(?iu)^(?:(?:[ta]{1,2}\\s*[+\\-−]|\\||/|[ta])\\s*){2,8}$");
  private static final Pattern SEGMENT_SPLIT = Pattern.compile("\\s*[|•·]\\s*");
  private static final Pattern BREADCRUMB = Pattern.compile("^[^.!?>»›]{1,60}(?:\\s[>»›]\\s[^.!?>»›]{1,60}){2,8}$");
  private static final Pattern PUBLISHED = Pattern.compile(
      "(?iu)^(?:publi[ée](?:e)? le|publi[ée](?:e)?|mis à jour|mis a jour|modifi[ée] le|published|updated|last updated"
          + "|posted|publicado|actualizado|actualizada|ver(?:ö|oe)ffentlicht|aktualisiert|zuletzt aktualisiert"
          + "|atualizado|atualizada|pubblicato|aggiornato|date\\s*:|stand\\s*:)[^\\n]{0,100}\\d");
  private static final Pattern DATE_ONLY = Pattern.compile(
      "(?iu)^(?:\\p{L}+,?\\s+)?(?:\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{1,2}[:h]\\d{2}(?::\\d{2})?)?"
          + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?:[ ,]+\\S{0,5}\\s*\\d{1,2}[:h]\\d{2})?"
          + "|\\d{1,2}\\.?\\s+(?:de\\s+)?(?:" + Months.ALTERNATION + ")\\.?\\s+(?:de\\s+)?\\d{4}"
          + "(?:[ ,]+\\S{0,5}\\s*\\d{1,2}[:h]\\d{2})?"
          + "|(?:" + Months.ALTERNATION + ")\\.?\\s+\\d{1,2},?\\s+\\d{4}"
          + "(?:[ ,]+\\S{0,5}\\s*\\d{1,2}[:h.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?)?"
          + ")(?:\\s*(?:[A-Z]{2,4}|UTC|GMT)(?:[+\\-]\\d{1,2})?)?(?:\\s*[|•·-]\\s*[^|]{1,60})?$");
  private static final Pattern BYLINE = Pattern.compile(
      "^(?:By|BY|Par|PAR|Por|POR|Von|VON|Di|Door|De la rédaction de)\\s+(?<who>\\p{Lu}[\\p{L}\\p{M}.'’\\-]*"
          + "(?:(?:\\s+|\\s*,\\s*|\\s+(?:and|et|y|und|e|&)\\s+)\\p{Lu}[\\p{L}\\p{M}.'’\\-]*){0,8})"
          + "(?:\\s*(?:[,/|(–—-]|\\bin\\b|\\bwith\\b|\\bavec\\b)\\s*[^.!?]{0,80})?\\)?$");
  private static final Pattern CREDIT = Pattern.compile(
      "(?iu)^[(\\[]?\\s*(?:(?:(?:additional )?reporting|writing|editing|edited|compiled|reported|graphics)"
          + "(?:\\s+by\\b|\\s*:)|r[ée]dig[ée] par|r[ée]daction\\s*:|redacci[óo]n\\s*:|edici[óo]n\\s*:|texto\\s*:"
          + "|edi[çc][ãa]o\\s*:|mit material von|redazione\\s*:|bearbeitung\\s*:).{0,250}$");
  private static final Pattern COPYRIGHT = Pattern.compile(
      "(?iu)(?:^\\s*(?:©|\\(c\\)\\s*\\d{4}|copyright\\b)|all rights reserved|tous droits r[ée]serv[ée]s"
          + "|(?:todos los )?derechos reservados|alle rechte vorbehalten|todos os direitos reservados"
          + "|tutti i diritti riservati|reproduction interdite|riproduzione riservata)");
  private static final Pattern SIGNOFF = Pattern.compile(
      "(?iu)^[(\\[-]*\\s*(?:fin|end|ends|fim|fine|ende|xx+|#+|\\*+|-\\s*30\\s*-|30)\\s*[)\\]-]*\\.?$"
          + "|^(?:efe|afp|dpa|ansa|lusa|ap|reuters?|xinhua)(?:\\s+[a-z]{1,5}(?:[/-][a-z]{1,5}){0,6}){0,3}\\s*\\.?$");
  /** Desk initials closing AFP or EFE copy ("jmt/dch"): lower case only, or words like "anti-war" would match. */
  private static final Pattern DESK_CODES = Pattern.compile("^[a-z]{2,5}(?:/[a-z]{2,5}){1,6}$");
  private static final Pattern SITE = Pattern.compile(
      "(?iu)^(?:https?://)?(?:www\\.)?[a-z0-9\\-]{1,63}(?:\\.[a-z0-9\\-]{1,63}){1,5}/?$");
  private static final Pattern READ_MORE = Pattern.compile(
      "(?iu)^(?:lire aussi|[àa] lire aussi|lire la suite|voir aussi|read more|read also|see also"
          + "|related(?: articles| stories| news| content)?|more on this|continue reading|click here"
          + "|lea tambi[ée]n|leer m[áa]s|ver tambi[ée]n|noticias relacionadas"
          + "|mehr zum thema|lesen sie auch|auch interessant|weiterlesen|leia (?:mais|tamb[ée]m)|veja (?:tamb[ée]m|mais)"
          + "|leggi anche|leggi (?:di )?pi[uù]|vedi anche|dans la m[êe]me rubrique|sur le m[êe]me sujet"
          + "|most (?:read|popular)"
          + "|les plus lus|top stories|tags?|mots[- ]cl[ée]s|etiquetas|schlagw(?:ö|oe)rter|temas|argomenti)"
          + "\\s*(?:[:»>|–—-].{0,200})?$");

  /** A sign-off run into the last sentence, as in old archives: "... 4.4 MM. REUTER". */
  private static final Pattern TRAILING_SIGNOFF = Pattern.compile(
      "(?<=[.!?\"”»])\\s+[(\\[]?(?:(?i:" + Agencies.aliasAlternation() + "))[)\\]]?\\.?\\s*$");

  private Boilerplate() {}

  /** The paragraph without an agency sign-off glued to its end. */
  static String withoutTrailingSignoff(String paragraph) {
    int from = Math.max(0, paragraph.length() - 80);
    Matcher m = TRAILING_SIGNOFF.matcher(paragraph);
    m.region(from, paragraph.length());
    m.useTransparentBounds(true);
    return m.find() ? paragraph.substring(0, m.start()) : paragraph;
  }

  /** The kind of chrome this line is, {@link Kind#NONE} when it may be story text. */
  public static Kind classify(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_CHROME) {
      return Kind.NONE;
    }
    if (isWidget(s)) {
      return Kind.WIDGET;
    }
    boolean sentence = Prose.endsLikeProse(s, 8);
    if (sentence && s.length() > 120) {
      return creditOrCopyright(s); // a story sentence: only a long credit or copyright line can look like it
    }
    if (!sentence && (PUBLISHED.matcher(s).lookingAt() && s.length() <= 160 || DATE_ONLY.matcher(s).matches())) {
      return Kind.PUBLISHED;
    }
    if (mayHoldCopyright(s) && COPYRIGHT.matcher(s).find()) {
      return Kind.COPYRIGHT;
    }
    if (CREDIT.matcher(s).matches()) {
      return Kind.CREDIT;
    }
    if (s.length() <= 60 && (SIGNOFF.matcher(s).matches() || DESK_CODES.matcher(s).matches() || isAgencyOnly(s))) {
      return Kind.SIGNOFF;
    }
    if (SITE.matcher(s).matches() && s.indexOf('.') > 0) {
      return Kind.SITE;
    }
    if (s.length() <= 120 && !sentence && BYLINE.matcher(s).matches()) {
      return Kind.BYLINE;
    }
    if (READ_MORE.matcher(s).matches() && Prose.wordCount(s) <= 30) {
      return Kind.READ_MORE;
    }
    if (isNumericTrailer(s)) {
      return Kind.NUMERIC;
    }
    return Kind.NONE;
  }

  private static Kind creditOrCopyright(String s) {
    if (mayHoldCopyright(s) && COPYRIGHT.matcher(s).find()) {
      return Kind.COPYRIGHT;
    }
    return CREDIT.matcher(s).matches() ? Kind.CREDIT : Kind.NONE;
  }

  /** Cheap test before the copyright pattern: every one of its forms holds one of these. */
  private static boolean mayHoldCopyright(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.contains("©") || lower.contains("(c)") || lower.contains("opyright") || lower.contains("right")
        || lower.contains("droits") || lower.contains("derechos") || lower.contains("rechte") || lower.contains("diritti")
        || lower.contains("reproduction") || lower.contains("riproduzione");
  }

  /** The names in a byline line ("By JONATHAN J. COOPER" -> "JONATHAN J. COOPER"), or null. */
  static String bylineNames(String line) {
    var m = BYLINE.matcher(line.strip());
    return m.matches() ? m.group("who") : null;
  }

  private static boolean isWidget(String s) {
    if (s.length() > 120) {
      return false;
    }
    if (TEXT_SIZE.matcher(s).matches() || SIZE_BUTTONS.matcher(s).matches() || BREADCRUMB.matcher(s).matches()) {
      return true;
    }
    String[] segments = SEGMENT_SPLIT.split(s);
    int known = 0;
    int shortOnes = 0;
    for (String segment : segments) {
      if (segment.isEmpty()) {
        continue;
      }
      if (WIDGET_WORDS.contains(Folding.key(segment))) {
        known++;
      } else if (Prose.wordCount(segment) <= 3 && !Prose.endsLikeProse(segment, 0)) {
        shortOnes++;
      } else {
        return false;
      }
    }
    // a line of labels only, or a menu of three or more short items mixing known labels
    return known > 0 && shortOnes == 0 || segments.length >= 3 && known + shortOnes == segments.length;
  }

  private static boolean isAgencyOnly(String s) {
    String bare = s.replaceAll("^[\\s(\\[-]+|[\\s)\\].-]+$", "");
    return !bare.isEmpty() && Agencies.isKnown(bare);
  }

  private static boolean isNumericTrailer(String s) {
    if (s.length() < 8) {
      return false;
    }
    int digits = 0;
    int letters = 0;
    int spaces = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      } else if (Character.isWhitespace(c)) {
        spaces++;
      }
    }
    return letters <= 2 && spaces <= 2 && digits * 10 >= (s.length() - spaces) * 6;
  }
}
