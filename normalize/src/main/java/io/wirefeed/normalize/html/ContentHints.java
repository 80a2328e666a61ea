package io.wirefeed.normalize.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's tag, class, id and ARIA role say about it: page chrome, article body or hidden.
 *
 * <p>All patterns are general web conventions (CMS and framework class names), never one site's selectors.
 */
final class ContentHints {
  /** Subtrees that never carry readable article text. */
  static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "math", "head",
      "iframe", "object", "embed", "canvas", "select", "option", "textarea", "button", "input", "audio", "video",
      "map", "dialog", "frameset", "frame", "title", "meta", "link", "base", "source", "track", "param");

  /** Tags whose whole subtree is page chrome in HTML5 semantics. */
  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "menu");

  /** Tags that do not break a block of text; anything else (including custom elements) starts a new block. */
  static final Set<String> INLINE_TAGS = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code",
      "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "picture", "q", "rp",
      "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
      "o:p");

  /*
   * Tokens of class/id names that mark chrome, matched on whole tokens after splitting a class name on '-' and '_',
   * so "ad" hits "ad-slot" but not "header" or "shadow". Strong tokens name chrome whatever else the name says
   * ("comment-body" is a comment); weak ones are cancelled by an article word in the same name ("post-meta" is
   * chrome but "content-with-sidebar" is the content) unless they are its head, the last meaningful token.
   */
  private static final Set<String> STRONG_TOKENS = Set.of("ad", "ads", "adv", "advert", "advertisement", "adslot",
      "adunit", "advertising", "sponsor", "sponsored", "promo", "promotion", "promoted", "comment", "comments",
      "disqus", "share", "sharing", "sharebar", "shares", "social", "sociable", "related", "recommended",
      "recommendations", "recirc", "newsletter", "newsletters", "subscribe", "subscription", "signup", "paywall",
      "cookie", "cookies", "consent", "gdpr", "outbrain", "taboola", "trending", "popular", "mostread", "readmore",
      "modal", "popup", "donate", "donation", "upsell", "breadcrumb", "breadcrumbs", "pagination", "pager",
      "rollover", "tooltip", "popover", "hovercard", "dfp", "gpt", "adsense", "banner", "teaser", "teasers");
  private static final Set<String> WEAK_TOKENS = Set.of("byline", "author", "authors", "tags", "taglist",
      "sidebar", "widget", "widgets", "footer", "masthead", "navbar", "nav", "navigation", "menu", "toolbar", "print",
      "rss", "caption", "figcaption", "credit", "credits", "copyright", "meta", "dateline", "timestamp", "skip",
      "skiplink", "jump", "utility", "utilities", "tools", "icons", "follow", "next", "prev", "previous", "signin",
      "login", "register", "feedback", "survey", "partner", "partners", "affiliate", "disclaimer", "embed", "rail",
      "aside", "header", "topics", "keywords", "crumbs", "pullquote", "video", "gallery", "slideshow", "carousel",
      "playlist", "dek", "subtitle", "standfirst", "excerpt", "strapline", "kicker", "overlay", "photo", "photos",
      "image", "img", "picture", "thumbnail", "thumb", "alert", "alerts", "notification", "notice", "cta", "more",
      "sponsors", "contributor", "bio");
  /** Inline elements are dropped only for these: hover cards and tooltips printed inside a sentence. */
  private static final Set<String> INLINE_JUNK_TOKENS = Set.of("rollover", "tooltip", "popover", "hovercard",
      "popup", "modal");
  private static final Set<String> POPUP_BOX_TOKENS = Set.of("block", "box", "card", "content", "body", "inner",
      "panel", "container", "wrapper", "text", "popup");
  private static final List<String> STATE_PREFIXES = List.of("has-", "is-", "no-", "not-", "with-", "category-",
      "tag-", "status-", "format-", "type-", "post_format", "post-format", "single-", "page-template", "postid-",
      "term-", "cat-", "section-", "template-", "theme-", "lang-");

  /** Words that say nothing about content and are skipped when looking for a class name's head. */
  private static final Set<String> FILLER_TOKENS = Set.of("wrp", "wrap", "wrapper", "container", "inner", "outer",
      "box", "block", "area", "holder", "region", "module", "component", "section", "el", "item", "items", "list",
      "group", "row", "col", "cell", "unit", "zone", "part", "panel", "pane", "view", "field", "js", "wp", "c", "l",
      "m", "o", "u", "is", "has", "main", "top", "bottom", "left", "right", "mobile", "desktop", "new");

  /** Concatenated compounds that are chrome even when written without separators ("relatedArticles"). */
  private static final Pattern JUNK_COMPOUND = Pattern.compile(
      "related(article|stor|post|link|content|news|item)|morestories|moreon|readmore|readnext|readalso|alsoread"
          + "|sharebar|sharetools|shareicons|socialshare|sociallinks|socialmedia|newsletter|cookiebanner|cookienotice"
          + "|commentlist|commentsection|mostpopular|mostread|recommendedfor|adcontainer|adslot|adwrapper|advert"
          + "|breadcrumb|subscribebox|promobox|tagcloud|relatedtopic"
          + "|outbrain|taboola|trendingnow|whatsnext|upnext|recirculation|paywall|inlinead|adunit|dfp");

  /** Compounds that name the article body itself. */
  private static final Pattern BODY_COMPOUND = Pattern.compile(
      "articlebody|articlecontent|articletext|articlecopy|articledetail|storybody|storycontent|storytext|entrycontent"
          + "|entrybody|postcontent|postbody|posttext|bodytext|contentbody|textbody|articleblock|mainarticle|newsbody"
          + "|newscontent|newstext|richtext|blogpost|singlepost|postentry|articlemain|artbody|bodycopy"
          + "|itemfulltext|itembody|fulltext|contenttext|detailbody");

  private static final Set<String> POSITIVE_TOKENS = Set.of("article", "body", "content", "entry", "hentry", "main",
      "page", "post", "text", "blog", "story", "column", "prose", "copy");
  /** Article words strong enough to cancel a weak chrome token in the same class name. */
  private static final Set<String> CANCELLING_TOKENS = Set.of("article", "body", "content", "entry", "post", "text",
      "story", "prose");

  private static final Pattern SPLIT = Pattern.compile("[\\s_\\-]+");
  private static final Pattern HIDDEN_STYLE = Pattern.compile(
      "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

  private ContentHints() {}

  /**
   * The lower-cased class and id names of an element, or "" when it has none; camelCase humps become dashes so
   * "InlineImage-imageCaption" yields the token "caption".
   */
  static String names(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    String raw = cls + ' ' + id;
    StringBuilder sb = new StringBuilder(raw.length() + 8);
    char prev = ' ';
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
      prev = c;
    }
    return sb.toString();
  }

  /** Name flag: the names declare the article body. */
  static final int F_BODY = 1;
  /** Name flag: a class that hides the element (sr-only, visually-hidden...). */
  static final int F_HIDDEN = 2;
  /** Name flag: a weak chrome hint. */
  static final int F_WEAK = 4;
  /** Name flag: a strong chrome hint. */
  static final int F_STRONG = 8;
  /** Name flag: the box of a hover card or tooltip. */
  static final int F_INLINE_JUNK = 16;

  /**
   * Everything the class/id names alone say, as flags. Pages repeat the same class strings hundreds of times, so
   * callers walking a page cache this per distinct string.
   */
  static int nameFlags(String names) {
    if (names.isEmpty()) {
      return 0;
    }
    int flags = 0;
    if (BODY_COMPOUND.matcher(squash(names)).find()) {
      flags |= F_BODY;
    }
    if (hiddenByClass(names)) {
      flags |= F_HIDDEN;
    }
    if (isInlineJunk(names)) {
      flags |= F_INLINE_JUNK;
    }
    int level = junkLevelByNames(names);
    if (level == STRONG_JUNK) {
      flags |= F_STRONG;
    } else if (level == WEAK_JUNK) {
      flags |= F_WEAK;
    }
    return flags;
  }

  /** True when the page itself hides the element from readers (hidden attribute, inline CSS, sr-only classes). */
  static boolean isHidden(Element e, int flags) {
    if ((flags & F_HIDDEN) != 0 || e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
  }

  private static boolean hiddenByClass(String names) {
    for (String token : names.split(" ")) {
      switch (token) {
        case "hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only",
            "d-none", "is-hidden", "u-hidden", "hide", "element-invisible", "offscreen" -> {
          return true;
        }
        default -> {
          // keep looking
        }
      }
    }
    return false;
  }

  /** No chrome hint. */
  static final int NOT_JUNK = 0;
  /** A hint that an element is chrome, to be trusted when the element is small next to the article. */
  static final int WEAK_JUNK = 1;
  /** Chrome whatever its size: comments, share bars, ads, related lists, nav, aside, footer. */
  static final int STRONG_JUNK = 2;

  /** How strongly the tag, role or class/id name marks page chrome rather than article text. */
  static int junkLevel(Element e, String names) {
    return junkLevel(e, nameFlags(names));
  }

  /** {@link #junkLevel(Element, String)} with the names already reduced to {@link #nameFlags}. */
  static int junkLevel(Element e, int flags) {
    String tag = e.normalName();
    if (CHROME_TAGS.contains(tag)) {
      return STRONG_JUNK;
    }
    String role = e.attr("role");
    if (!role.isEmpty()) {
      switch (role.toLowerCase(Locale.ROOT)) {
        case "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "toolbar", "dialog",
            "alert", "search", "tablist" -> {
          return STRONG_JUNK;
        }
        default -> {
          // fall through to names
        }
      }
    }
    if (tag.equals("figure") || tag.equals("figcaption")) {
      // A figure's caption belongs to the picture, not the running text; a figure without media (a pull
      // quote, a code listing) is text and stays.
      return tag.equals("figcaption") || hasMedia(e) ? STRONG_JUNK : NOT_JUNK;
    }
    if (flags == 0 || isArticleBody(e, flags)) {
      return NOT_JUNK;
    }
    return (flags & F_STRONG) != 0 ? STRONG_JUNK : (flags & F_WEAK) != 0 ? WEAK_JUNK : NOT_JUNK;
  }

  private static int junkLevelByNames(String names) {
    int level = NOT_JUNK;
    for (String name : names.split(" ")) {
      if (name.isEmpty() || isStateClass(name)) {
        continue;
      }
      String[] tokens = SPLIT.split(name);
      boolean weak = false;
      boolean cancelled = false;
      String head = null;
      for (String t : tokens) {
        if (STRONG_TOKENS.contains(t)) {
          return STRONG_JUNK;
        }
        weak |= WEAK_TOKENS.contains(t);
        cancelled |= CANCELLING_TOKENS.contains(t);
        if (!FILLER_TOKENS.contains(t) && !t.chars().allMatch(Character::isDigit)) {
          head = t;
        }
      }
      if (weak && (!cancelled || (head != null && WEAK_TOKENS.contains(head)))) {
        level = WEAK_JUNK;
      }
      if (JUNK_COMPOUND.matcher(squash(name)).find()) {
        return STRONG_JUNK;
      }
    }
    return level;
  }

  /**
   * True for an inline element that is the body of a hover card or tooltip: its text is not part of the sentence.
   * The trigger around it ("rollover-people") holds the linked name that is, so a popup word alone is not enough:
   * the class name must also name the popup's box ("rollover-people-block", "tooltip-content").
   */
  static boolean isInlineJunk(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String name : names.split(" ")) {
      boolean popup = false;
      boolean box = false;
      for (String t : SPLIT.split(name)) {
        popup |= INLINE_JUNK_TOKENS.contains(t);
        box |= POPUP_BOX_TOKENS.contains(t);
      }
      if (popup && box) {
        return true;
      }
    }
    return false;
  }

  /** True when the element declares itself the article body (schema.org itemprop or a body class name). */
  static boolean isArticleBody(Element e, int flags) {
    if ((flags & F_BODY) != 0) {
      return true;
    }
    String itemprop = e.attr("itemprop");
    return !itemprop.isEmpty() && itemprop.toLowerCase(Locale.ROOT).contains("articlebody");
  }

  /** Readability-style weight of class and id names: +25 for article-like, -25 for chrome-like. */
  static int classWeight(Element e, String names) {
    if (names.isEmpty()) {
      return 0;
    }
    int weight = 0;
    boolean positive = false;
    boolean negative = false;
    for (String name : names.split(" ")) {
      if (name.isEmpty() || isStateClass(name)) {
        continue;
      }
      for (String token : SPLIT.split(name)) {
        positive |= POSITIVE_TOKENS.contains(token);
        negative |= STRONG_TOKENS.contains(token) || WEAK_TOKENS.contains(token);
      }
    }
    if (isArticleBody(e, nameFlags(names))) {
      weight += 50;
    } else if (positive) {
      weight += 25;
    }
    if (negative || JUNK_COMPOUND.matcher(squash(names)).find()) {
      weight -= 25;
    }
    return weight;
  }

  /**
   * State and taxonomy classes that CMSs put on the article itself ("has-post-thumbnail", "category-video",
   * "tag-share-prices", "format-gallery") say nothing about the element being chrome.
   */
  private static boolean isStateClass(String name) {
    for (String prefix : STATE_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMedia(Element figure) {
    return !figure.select("img, picture, video, iframe, svg, amp-img, canvas, object, embed").isEmpty();
  }

  private static String squash(String names) {
    StringBuilder sb = new StringBuilder(names.length());
    for (int i = 0; i < names.length(); i++) {
      char c = names.charAt(i);
      if (c != '-' && c != '_') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
