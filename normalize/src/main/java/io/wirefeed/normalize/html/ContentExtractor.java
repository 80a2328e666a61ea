package io.wirefeed.normalize.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Turns the blocks of the chosen article containers into paragraphs, dropping what sits inside them but is not the
 * article: share bars, related lists, inline promos, captions, the repeated headline and byline, link lists.
 */
final class ContentExtractor {
  /** Whole-block labels that are page furniture in any article ("Advertisement", "Read more"...). */
  private static final Pattern LABEL = Pattern.compile(
      "(?i)(advertisement|advertising|advert|anzeige|publicité|publicidad|pubblicità|sponsored( content)?|ad|"
          + "story continues below( advertisement)?|continue reading( below)?|read more|read full story|"
          + "see also|related( articles| stories| content| coverage| news)?|more from [^.]{0,40}|share( this)?( article| story)?|"
          + "share on (facebook|twitter|linkedin|whatsapp)|tweet|email|print|comments?|\\d+ comments?|"
          + "skip (to )?(main )?(content|advertisement)|click here|subscribe|sign up|log in|close|loading\\.*|"
          + "scroll to continue|image|photo|video|watch|listen( to this article)?|play|leer más|lire aussi|"
          + "à lire aussi|lesen sie auch|mehr zum thema|weiterlesen|leia mais|leia também|veja também|"
          + "copy link|link copied|follow us|back to top|top|don'?t miss|must read|most read|most popular|trending( now)?|"
          + "recommended( for you)?|you (may|might) also like|more on this( story| topic)?|related posts|key points|"
          + "recent (articles|posts|stories)|latest (news|articles|stories)|popular this week|tags?|topics|"
          + "comments are closed|leave a (comment|reply)|no comments( yet)?|be the first to comment)[\\s:.!»›>|-]*");

  /** Calls to action printed inside stories ("Like this story? Share it with a friend!", "Sign up for..."). */
  private static final Pattern PROMPT = Pattern.compile(
      "(?i)(like this (story|article)|share (this|it) with|follow us|sign up (for|to)|subscribe (to|now|for)|"
          + "get (our|the) [^.]{0,40}newsletter|tell us what you think|send us your|join the conversation|"
          + "download (our|the) app|click here (to|for)|to read more|read the full (story|article)).*");

  /** Post meta lines ("05/10/2018 - Posted by: Jane - Category: Health - Tags: ..."). */
  private static final Pattern META_LINE = Pattern.compile(
      "(?i).*\\b(posted by|published by|publicado por|publié par|veröffentlicht von|pubblicato da|filed under|"
          + "categor(y|ies|ia|ie|ías)\\s*:|tags?\\s*:|schlagwörter\\s*:|etiquetas\\s*:).*");
  private static final Pattern NEWSLETTER = Pattern.compile("(?i).*\\bnewsletter\\b.*");
  private static final Pattern SIGN_UP = Pattern.compile("(?i).*\\b(sign up|subscribe|inscri|abonn|suscr|anmelden).*");

  /** Photo captions and credits printed as text ("... (Image: GETTY)", "Photo: Jane Doe/AFP", "| Getty Images"). */
  private static final Pattern CAPTION = Pattern.compile(
      "(?i).*\\((image|photo|picture|pic|foto|credit|source|video)s?:[^)]{1,80}\\)\\s*"
          + "|(photo|image|picture|credit|foto|bild|crédit photo)s?( credit)?\\s*:.{1,150}"
          + "|.{0,60}(getty images|shutterstock|afp via getty images|ap photo[^.]{0,40}|reuters/[^.]{0,40})\\s*"
          + "|.{0,250}©\\s*[\\p{L}0-9 .,/|&-]{1,60}");

  private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}[:h.]\\d{2}\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

  /** Publication-time lines printed above or below the story ("Published 10:48, Tue, Nov 19, 2019 | Updated"). */
  private static final Pattern TIME_LINE = Pattern.compile(
      "(?i)(published|updated|posted|last updated|modified|publié|mis à jour|actualizado|publicado|veröffentlicht|"
          + "aktualisiert|pubblicato|aggiornato)( on| at| le| el| am)?\\s*:?\\s*.{0,100}");

  /** Blocks that start like an in-body teaser for another story ("READ MORE: ...", "Related: ..."). */
  private static final Pattern TEASER = Pattern.compile(
      "(?i)^(read more|more|related|see also|also read|read also|recommended|watch|listen|click here|"
          + "lire aussi|à lire aussi|leer también|lea también|lesen sie auch|leia também|veja também)\\s*[:：|»›>-].*");

  /**
   * A byline as newspapers print it above or below the story: "By" and capitalised names, then perhaps an employer
   * ("By SAM WHITFIELD Associated Press", "By Ann Lee and Bo Kim, Reuters"). Case-sensitive on purpose, so a lead
   * sentence starting "By the end of the day, ..." is not one.
   */
  private static final String NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:de|da|del|van|von|der|le|la|\\p{Lu}[\\p{L}.'’-]*)){0,4}";
  private static final Pattern BYLINE = Pattern.compile(
      "(?:By|BY|by|From|FROM|Par|PAR|Por|POR|Von|VON|Di|DI|Door|DOOR)\\s+" + NAME
          + "(?:(?:,\\s*|\\s+)(?:and|AND|&|et|y|und|e)\\s+" + NAME + ")?"
          + "(?:\\s*[,|/•·–-]?\\s*[\\p{L}0-9 .,:'’/-]{0,60})?");

  private ContentExtractor() {}

  /** The article's paragraphs, and the byline printed in the body (null when none), which the text dropped. */
  record Result(List<String> paragraphs, String byline) {
    Result {
      paragraphs = List.copyOf(paragraphs);
    }
  }

  /** Paragraphs of the article under {@code body}; empty when the page has no readable text. */
  static Result extract(Element body, String headline, List<String> authors) {
    ContentBlocks cb = ContentBlocks.of(body);
    if (cb.blocks.isEmpty()) {
      return new Result(List.of(), null);
    }
    String byline = null;
    List<Element> roots = ContentScorer.chooseRoots(cb, body, headline);
    String headlineKey = key(headline);
    Set<String> authorKeys = new HashSet<>();
    for (String a : authors) {
      authorKeys.add(key(a));
    }
    List<Integer> candidates = new ArrayList<>();
    List<Boolean> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int last = -1;
    int keptCount = 0;
    for (Element root : roots) {
      int[] r = cb.range(root);
      if (r == null) {
        continue;
      }
      int rootChars = cb.chars(r[0], r[1]);
      for (int i = Math.max(r[0], last + 1); i < r[1]; i++) {
        last = i;
        ContentBlocks.Block b = cb.blocks.get(i);
        candidates.add(i);
        boolean keep = !insideJunk(cb, b, root, rootChars) && !isFurniture(b);
        if (keep) {
          String k = key(b.text());
          // a long paragraph printed twice is a mobile/desktop copy; short lines legitimately repeat in lists
          boolean isByline = keptCount < 3 && b.text().length() < 120 && BYLINE.matcher(b.text()).matches();
          if (isByline && byline == null) {
            byline = b.text();
          }
          keep = !k.isEmpty() && !k.equals(headlineKey) && !authorKeys.contains(k)
              && (k.length() < 80 || seen.add(k)) && !isByline;
        }
        kept.add(keep);
        keptCount += keep ? 1 : 0;
      }
    }
    dropTeaserRuns(cb, candidates, kept);
    dropOrphanHeadings(cb, candidates, kept);
    List<String> out = new ArrayList<>();
    for (int j = 0; j < candidates.size(); j++) {
      if (kept.get(j)) {
        out.add(cb.blocks.get(candidates.get(j)).text());
      }
    }
    return new Result(out, byline);
  }

  /**
   * Story cards: a linked title then a one-line standfirst, three times or more in a row, is a list of other
   * stories even when the standfirsts carry no link.
   */
  private static void dropTeaserRuns(ContentBlocks cb, List<Integer> candidates, List<Boolean> kept) {
    int j = 0;
    while (j + 1 < candidates.size()) {
      int k = j;
      int pairs = 0;
      ContentBlocks.Block title = cb.blocks.get(candidates.get(j));
      ContentBlocks.Block dek = cb.blocks.get(candidates.get(j + 1));
      while (k + 1 < candidates.size() && isLinkedTitle(cb.blocks.get(candidates.get(k)))
          && isStandfirst(cb.blocks.get(candidates.get(k + 1)))
          && isCard(cb, candidates.get(k), candidates.get(k + 1))
          && sameKind(title, cb.blocks.get(candidates.get(k))) && sameKind(dek, cb.blocks.get(candidates.get(k + 1)))) {
        pairs++;
        k += 2;
      }
      if (pairs >= 3) {
        for (int x = j; x < k; x++) {
          kept.set(x, false);
        }
        j = k;
      } else {
        j++;
      }
    }
  }

  /** A card is an element holding exactly the title and its standfirst (and perhaps a picture). */
  private static boolean isCard(ContentBlocks cb, int title, int dek) {
    Element e = cb.blocks.get(dek).owner();
    for (int level = 0; level < 6 && e != null; level++, e = e.parent()) {
      int[] r = cb.range(e);
      if (r != null && r[0] <= title) {
        return r[0] == title && r[1] == dek + 1;
      }
    }
    return false;
  }

  /** Cards repeat one template: same tag and class for every title, and for every standfirst. */
  private static boolean sameKind(ContentBlocks.Block a, ContentBlocks.Block b) {
    return a.owner().normalName().equals(b.owner().normalName()) && a.owner().className().equals(b.owner().className());
  }

  private static boolean isLinkedTitle(ContentBlocks.Block b) {
    return b.chars() >= 12 && b.chars() < 200 && b.linkChars() >= b.chars() * 0.8;
  }

  private static boolean isStandfirst(ContentBlocks.Block b) {
    return b.chars() < 200 && b.linkChars() == 0;
  }

  /**
   * A heading whose section lost everything to the filters ("Related stories" over a list of links, "Comments")
   * introduced chrome, not text: it goes too.
   */
  private static void dropOrphanHeadings(ContentBlocks cb, List<Integer> candidates, List<Boolean> kept) {
    for (int j = 0; j < candidates.size(); j++) {
      if (!kept.get(j) || !isHeading(cb.blocks.get(candidates.get(j)))) {
        continue;
      }
      int next = j + 1;
      while (next < candidates.size() && !kept.get(next)) {
        next++;
      }
      boolean droppedBetween = next > j + 1;
      if (droppedBetween && (next == candidates.size() || isHeading(cb.blocks.get(candidates.get(next))))) {
        kept.set(j, false);
      }
    }
  }

  private static boolean isHeading(ContentBlocks.Block b) {
    String tag = b.tag();
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      return true;
    }
    String t = b.text();
    if (t.length() > 60 || t.isEmpty()) {
      return false;
    }
    char end = t.charAt(t.length() - 1);
    return end != '.' && end != '!' && end != '?' && end != '"' && end != '”' && end != '»';
  }

  /** True when a chrome-like element strictly inside the chosen container holds the block. */
  private static boolean insideJunk(ContentBlocks cb, ContentBlocks.Block b, Element root, int rootChars) {
    int[] rr = cb.range(root);
    for (ContentBlocks.Chain c = b.junk(); c != null; c = c.outer()) {
      Element j = c.element();
      if (j == root) {
        return false;
      }
      int[] jr = cb.range(j);
      boolean inside = jr[0] >= rr[0] && jr[1] <= rr[1] && (jr[1] - jr[0] < rr[1] - rr[0] || isInside(j, root));
      if (!inside) {
        return false;
      }
      if (cb.chars(jr[0], jr[1]) < rootChars * 0.6) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    int guard = 0;
    for (Element p = e.parent(); p != null && guard < 10_000; p = p.parent(), guard++) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFurniture(ContentBlocks.Block b) {
    String text = b.text();
    double linkDensity = (double) b.linkChars() / b.chars();
    // a list item whose lead sentence is a link still carries its own sentence after it
    int own = b.chars() - b.linkChars();
    if (linkDensity > 0.85 || (linkDensity > 0.6 && own < 50) || (linkDensity > 0.3 && b.chars() < 80)) {
      return true;
    }
    if (text.length() <= 60 && LABEL.matcher(text).matches()) {
      return true;
    }
    if (text.length() <= 200 && CAPTION.matcher(text).matches()) {
      return true;
    }
    if (text.length() <= 120 && hasDigit(text) && TIME_LINE.matcher(text).matches()) {
      return true;
    }
    if (text.length() <= 60 && CLOCK.matcher(text).find() && YEAR.matcher(text).find()) {
      return true; // a bare timestamp line in any language: "22 de janeiro de 2018 às 0:13"
    }
    if (text.length() <= 160 && PROMPT.matcher(text).lookingAt()) {
      return true;
    }
    if (text.length() <= 160 && META_LINE.matcher(text).matches()) {
      return true;
    }
    if (text.length() <= 300 && NEWSLETTER.matcher(text).matches() && SIGN_UP.matcher(text).matches()) {
      return true; // a newsletter prompt printed inside the story
    }
    return text.length() < 300 && linkDensity > 0.1 && TEASER.matcher(text).matches();
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Comparison key: case, accents, punctuation and spacing ignored. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
