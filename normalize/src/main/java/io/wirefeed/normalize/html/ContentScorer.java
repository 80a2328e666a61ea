package io.wirefeed.normalize.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Picks the element(s) holding the article: paragraph-like blocks vote for their parent and, decaying, their
 * ancestors (text length and commas, discounted by link density); class/id names and the page's own body
 * declarations weigh in; siblings of the winner that look like more of the same article are kept with it.
 */
final class ContentScorer {
  /** Blocks shorter than this (non-link characters) do not vote: menus, labels, buttons. */
  private static final int MIN_VOTING_CHARS = 25;
  private static final int VOTED_LEVELS = 5;

  private final ContentBlocks cb;
  private final Element root;
  private final Map<Element, double[]> scores = new IdentityHashMap<>();
  /** Block index of the first paragraph after the printed headline, or -1. */
  private final int anchor;

  /** Block ranges of the page's non-empty {@code <article>}s, in document order. */
  private final int[] articleStarts;
  private final int[] articleEnds;

  private ContentScorer(ContentBlocks cb, Element root, String headline) {
    this.cb = cb;
    this.root = root;
    this.anchor = headlineBlock(cb, headline);
    List<int[]> ranges = new ArrayList<>();
    for (Element a : cb.articles) {
      int[] r = cb.range(a);
      if (r != null && r[1] > r[0]) {
        ranges.add(r);
      }
    }
    articleStarts = new int[ranges.size()];
    articleEnds = new int[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      articleStarts[i] = ranges.get(i)[0];
      articleEnds[i] = ranges.get(i)[1];
    }
  }

  /** The article's containers in document order; {@code root} itself when nothing stands out. */
  static List<Element> chooseRoots(ContentBlocks cb, Element root, String headline) {
    return new ContentScorer(cb, root, headline).choose();
  }

  /**
   * The first paragraph-like block after the printed headline (the {@code <h1>} matching the declared headline,
   * else the first {@code <h1>}), or -1: where the story's text starts.
   */
  private static int headlineBlock(ContentBlocks cb, String headline) {
    int h1 = headlineH1(cb, headline);
    if (h1 < 0) {
      return -1;
    }
    for (int i = h1 + 1; i < cb.blocks.size() && i < h1 + 60; i++) {
      ContentBlocks.Block b = cb.blocks.get(i);
      if (b.junk() == null && b.chars() - b.linkChars() >= 80 && b.tag().charAt(0) != 'h') {
        return i;
      }
    }
    return -1;
  }

  private static int headlineH1(ContentBlocks cb, String headline) {
    String key = ContentExtractor.key(headline);
    int first = -1;
    for (int i = 0; i < cb.blocks.size(); i++) {
      ContentBlocks.Block b = cb.blocks.get(i);
      if (!b.tag().equals("h1")) {
        continue;
      }
      if (!key.isEmpty() && ContentExtractor.key(b.text()).equals(key)) {
        return i;
      }
      if (first < 0) {
        first = i;
      }
    }
    return first;
  }

  /** Dev aid: the ten best-scored candidates with their scores. */
  static List<String> explain(ContentBlocks cb, Element root, String headline) {
    ContentScorer s = new ContentScorer(cb, root, headline);
    s.vote();
    List<Element> ranked = new ArrayList<>(s.scores.keySet());
    ranked.sort((a, b) -> Double.compare(s.finalScore(b), s.finalScore(a)));
    List<String> out = new ArrayList<>();
    for (Element e : ranked.subList(0, Math.min(10, ranked.size()))) {
      out.add(String.format(java.util.Locale.ROOT, "%.1f raw=%.1f ld=%.2f chars=%d <%s class='%s' id='%s'>",
          s.finalScore(e), s.scores.get(e)[0], cb.linkDensity(e), cb.chars(e), e.normalName(), e.className(), e.id()));
    }
    return out;
  }

  private List<Element> choose() {
    vote();
    Element top = null;
    double best = Double.NEGATIVE_INFINITY;
    List<Element> ranked = new ArrayList<>(scores.keySet());
    for (Element e : ranked) {
      double s = finalScore(e);
      if (s > best) {
        best = s;
        top = e;
      }
    }
    if (top == null) {
      return List.of(root);
    }
    top = climb(top, ranked);
    top = preferDeclaredBody(top);
    return withSiblings(top);
  }

  private void vote() {
    int total = cb.totalChars();
    List<ContentBlocks.Block> blocks = cb.blocks;
    for (int i = 0; i < blocks.size(); i++) {
      ContentBlocks.Block b = blocks.get(i);
      int own = b.chars() - b.linkChars();
      if (own < MIN_VOTING_CHARS || b.owner() == null || isJunk(b, total)) {
        continue;
      }
      double score = 1 + commas(b.text()) + Math.min(3, own / 100.0);
      int[] r = cb.range(b.owner());
      // a paragraph-like leaf votes for its container; a div holding loose text next to blocks is the container
      Element voter = r != null && r[1] - r[0] == 1 && b.owner() != root ? b.owner().parent() : b.owner();
      for (int level = 0; level < VOTED_LEVELS && voter != null; level++) {
        double[] s = scores.get(voter);
        if (s == null) {
          s = new double[] {initialScore(voter), Double.NaN};
          scores.put(voter, s);
        }
        s[0] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        if (voter == root) {
          break;
        }
        voter = voter.parent();
      }
    }
  }

  /** A block sits in chrome when a strongly chrome-like ancestor holds only a minor part of the page's text. */
  private boolean isJunk(ContentBlocks.Block b, int total) {
    for (ContentBlocks.Chain c = b.junk(); c != null; c = c.outer()) {
      if (c.strong() && cb.chars(c.element()) < total * 0.6) {
        return true;
      }
    }
    return false;
  }

  private double initialScore(Element e) {
    String names = ContentHints.names(e);
    double base = switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return base + ContentHints.classWeight(e, names);
  }

  /** The vote discounted by link density and halved for story lists; computed once, after the vote. */
  private double finalScore(Element e) {
    double[] s = scores.get(e);
    if (s == null) {
      return Double.NEGATIVE_INFINITY;
    }
    if (Double.isNaN(s[1])) {
      double score = s[0] * (1 - cb.linkDensity(e));
      if (isListing(e)) {
        score *= 0.5;
      }
      if (nearHeadline(e)) {
        score *= 1.5;
      }
      s[1] = score;
    }
    return s[1];
  }

  /**
   * Position: the story starts at its headline, so a container holding the printed headline, or starting right
   * after it, is more likely the story than one further down (related stories, comments) or before it (menus).
   */
  private boolean nearHeadline(Element e) {
    int[] r = cb.range(e);
    return anchor >= 0 && r != null && r[0] <= anchor && r[1] > anchor && score(e) > 0;
  }

  private double score(Element e) {
    return scores.get(e)[0];
  }

  /**
   * A container of several {@code <article>}s is a list of stories (related posts, a river), not one story: its
   * paragraphs are teasers even when long.
   */
  private boolean isListing(Element e) {
    int[] r = cb.range(e);
    if (r == null || articleStarts.length < 2) {
      return false;
    }
    // Ranges nest like the DOM, so an article starting inside e's range lies inside e: two binary searches find
    // two disjoint ones, which keeps this cheap on river pages with thousands of articles.
    int i = lowerBound(articleStarts, r[0]);
    while (i < articleStarts.length && articleStarts[i] == r[0] && articleEnds[i] >= r[1]) {
      i++; // e itself, or a wrapper spanning all of it
    }
    if (i >= articleStarts.length || articleStarts[i] >= r[1] || articleEnds[i] > r[1]) {
      return false;
    }
    int j = lowerBound(articleStarts, articleEnds[i]);
    return j < articleStarts.length && articleStarts[j] < r[1] && articleEnds[j] <= r[1];
  }

  private static int lowerBound(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Goes up when the winner is one of several close runners-up under a common ancestor, or an only child. */
  private Element climb(Element top, List<Element> ranked) {
    double topScore = finalScore(top);
    ranked.sort((a, b) -> Double.compare(finalScore(b), finalScore(a)));
    List<Element> close = new ArrayList<>();
    for (Element e : ranked.subList(0, Math.min(5, ranked.size()))) {
      if (e != top && finalScore(e) >= topScore * 0.75) {
        close.add(e);
      }
    }
    if (close.size() >= 3) {
      for (Element a = top.parent(); a != null && a != root.parent() && !isListing(a); a = a.parent()) {
        int contained = 0;
        for (Element e : close) {
          if (isAncestor(a, e)) {
            contained++;
          }
        }
        if (contained >= 3) {
          top = a;
          break;
        }
      }
    }
    double lastScore = finalScore(top);
    double threshold = lastScore / 3;
    for (Element p = top.parent(); p != null && p != root; p = p.parent()) {
      if (!scores.containsKey(p)) {
        continue;
      }
      double ps = finalScore(p);
      if (ps < threshold || isListing(p)) {
        break;
      }
      if (ps > lastScore) {
        top = p;
        break;
      }
      lastScore = ps;
    }
    while (top != root && top.parent() != null && top.parent() != root && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  /**
   * When the page names an element as its article body and the winner sits inside it, the declared element is
   * the better boundary: it also holds the parts the vote split off (intro, multi-part bodies, lists).
   */
  private Element preferDeclaredBody(Element top) {
    int topChars = cb.chars(top);
    for (Element d : cb.declaredBodies) {
      if (d != top && isAncestor(d, top) && cb.chars(d) <= topChars * 2.5 && cb.linkDensity(d) < 0.35) {
        return d;
      }
    }
    return top;
  }

  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null || top == root) {
      return List.of(top);
    }
    double topScore = finalScore(top);
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      if (cb.range(sibling) == null || cb.chars(sibling) == 0) {
        continue;
      }
      String names = ContentHints.names(sibling);
      if (ContentHints.junkLevel(sibling, names) != ContentHints.NOT_JUNK || isListing(sibling)) {
        continue;
      }
      if (cb.linkDensity(sibling) > 0.3) {
        continue; // a link-heavy neighbour is a list of other stories, however well it scores
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
      double s = scores.containsKey(sibling) ? finalScore(sibling) : Double.NEGATIVE_INFINITY;
      if (s + bonus >= threshold || looksLikeParagraph(sibling)) {
        out.add(sibling);
      }
    }
    addSplitParts(top, threshold, out);
    return out;
  }

  /**
   * Multi-part bodies: CMSs cut a long story into chunks of the same class with ads or embeds between them, often
   * each in its own wrapper, so the chunks are cousins rather than siblings. Every scored element with the
   * winner's tag and class that stands on its own is another part.
   */
  private void addSplitParts(Element top, double threshold, List<Element> out) {
    String cls = top.className();
    if (cls.isBlank() || top.normalName().equals("article")) {
      return; // each <article> is a story of its own, never a chunk of another
    }
    List<Element> parts = new ArrayList<>();
    for (Map.Entry<Element, double[]> en : scores.entrySet()) {
      Element e = en.getKey();
      if (e == top || !e.normalName().equals(top.normalName()) || !cls.equals(e.className())
          || finalScore(e) < threshold || isListing(e)) {
        continue;
      }
      parts.add(e);
    }
    if (parts.isEmpty()) {
      return;
    }
    for (Element p : parts) {
      boolean overlaps = false;
      int[] pr = cb.range(p);
      for (Element o : out) {
        int[] or = cb.range(o);
        overlaps |= pr[0] < or[1] && or[0] < pr[1];
      }
      if (!overlaps) {
        out.add(p);
      }
    }
    out.sort((a, b) -> Integer.compare(cb.range(a)[0], cb.range(b)[0]));
  }

  /**
   * Readability's rule for loose paragraphs next to the winner, extended to any element holding a single
   * paragraph-like block (a standfirst in its own div).
   */
  private boolean looksLikeParagraph(Element e) {
    int[] range = cb.range(e);
    int chars = cb.chars(e);
    double ld = cb.linkDensity(e);
    if (!e.normalName().equals("p")) {
      return range != null && range[1] - range[0] == 1 && chars > 80 && ld < 0.1;
    }
    if (chars > 80) {
      return ld < 0.25;
    }
    if (chars == 0 || ld > 0) {
      return false;
    }
    int[] r = cb.range(e);
    String last = cb.blocks.get(r[1] - 1).text();
    return last.endsWith(".") || last.contains(". ");
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    int guard = 0;
    for (Element p = e.parent(); p != null && guard < 10_000; p = p.parent(), guard++) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        n++;
      }
    }
    return n;
  }
}
